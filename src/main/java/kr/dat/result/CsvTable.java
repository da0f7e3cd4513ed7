package kr.dat.result;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a result CSV (the header is record 0). A file with quotes is parsed by
 * commons-csv; a file without a single quote character (what the headsets write for BalanceBall
 * and FitBox) is split by one scan that keeps only the cells' positions, so the cells that are
 * merely copied to the processed file are never turned into strings.
 */
abstract class CsvTable {

    static final Set<String> MISSING = Set.of("", "NA", "N/A", "n/a", "NULL", "null", "NaN", "nan", "-NaN",
            "-nan", "#N/A", "#N/A N/A", "#NA", "<NA>", "None");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    static CsvTable of(String text) throws ScoringException {
        return text.indexOf('"') < 0 ? split(text) : parse(text);
    }

    abstract int size();

    abstract int width(int record);

    /** The cell as written ({@code ""} past the end of a short row). */
    abstract String raw(int record, int col);

    /** Appends the cell to the processed file: missing-value tokens as empty, quoted when needed. */
    abstract void appendCell(StringBuilder out, int record, int col);

    /** The cell, with missing-value tokens read as empty. */
    final String cell(int record, int col) {
        String v = raw(record, col);
        return mayBeMissing(v, 0, v.length()) && MISSING.contains(v) ? "" : v;
    }

    final String[] row(int record) {
        String[] r = new String[width(record)];
        for (int c = 0; c < r.length; c++) {
            r[c] = raw(record, c);
        }
        return r;
    }

    /** A cheap filter before the set lookup: every token is short and starts with one of these. */
    static boolean mayBeMissing(String s, int from, int to) {
        int len = to - from;
        if (len == 0) {
            return true;
        }
        if (len > 8) {
            return false;
        }
        char c = s.charAt(from);
        return c == 'N' || c == 'n' || c == '-' || c == '#' || c == '<';
    }

    /** Quotes a field only if it holds a comma, a quote or a line break. */
    static void appendEscaped(StringBuilder out, String v) {
        if (v == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(v);
            return;
        }
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    // ---- quoted files: commons-csv ----

    static CsvTable parse(String text) throws ScoringException {
        List<String[]> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                records.add(record.values());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ScoringException("the CSV is malformed: " + e.getMessage());
        }
        return new Parsed(records);
    }

    private static final class Parsed extends CsvTable {
        private final List<String[]> records;

        Parsed(List<String[]> records) {
            this.records = records;
        }

        @Override
        int size() {
            return records.size();
        }

        @Override
        int width(int record) {
            return records.get(record).length;
        }

        @Override
        String raw(int record, int col) {
            String[] r = records.get(record);
            return col < r.length ? r[col] : "";
        }

        @Override
        void appendCell(StringBuilder out, int record, int col) {
            appendEscaped(out, cell(record, col));
        }
    }

    // ---- quote-free files: one scan ----

    /**
     * Without quotes, RFC 4180 reduces to splitting on commas and line breaks: LF, CRLF or CR end
     * a line and empty lines are skipped, as commons-csv does (a test compares the two).
     */
    static CsvTable split(String text) {
        int n = text.length();
        int[] bounds = new int[Math.max(1024, n / 4)]; // start,end of every cell
        int[] firstCell = new int[Math.max(256, n / 32)]; // per record: index of its first cell
        int cells = 0;
        int records = 0;
        int lineStart = 0;
        int cellStart = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c != ',' && c != '\n' && c != '\r') {
                continue;
            }
            boolean endOfLine = c != ',';
            if (endOfLine && i == lineStart) { // an empty line (or the LF of a CRLF): nothing to keep
                lineStart = i + 1;
                cellStart = i + 1;
                continue;
            }
            if (2 * cells + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * cells] = cellStart;
            bounds[2 * cells + 1] = i;
            cells++;
            cellStart = i + 1;
            if (endOfLine) {
                if (records + 2 > firstCell.length) {
                    firstCell = Arrays.copyOf(firstCell, firstCell.length * 2);
                }
                firstCell[++records] = cells;
                lineStart = i + 1;
            }
        }
        return new Split(text, bounds, firstCell, records);
    }

    private static final class Split extends CsvTable {
        private final String text;
        private final int[] bounds;
        private final int[] firstCell;
        private final int records;

        Split(String text, int[] bounds, int[] firstCell, int records) {
            this.text = text;
            this.bounds = bounds;
            this.firstCell = firstCell;
            this.records = records;
        }

        @Override
        int size() {
            return records;
        }

        @Override
        int width(int record) {
            return firstCell[record + 1] - firstCell[record];
        }

        @Override
        String raw(int record, int col) {
            if (col >= width(record)) {
                return "";
            }
            int k = firstCell[record] + col;
            return text.substring(bounds[2 * k], bounds[2 * k + 1]);
        }

        @Override
        void appendCell(StringBuilder out, int record, int col) {
            if (col >= width(record)) {
                return;
            }
            int k = firstCell[record] + col;
            int from = bounds[2 * k];
            int to = bounds[2 * k + 1];
            if (mayBeMissing(text, from, to) && MISSING.contains(text.substring(from, to))) {
                return;
            }
            out.append(text, from, to); // no quote, comma or line break can be inside
        }
    }
}
