package kr.dat.result;

import java.util.Arrays;
import java.util.Set;

/**
 * The records of a result CSV (the header is record 0), split in one scan that keeps only where
 * each cell ends: cells that are merely copied to the processed file are never turned into
 * strings, and numbers are read where they stand.
 *
 * <p>The dialect is RFC 4180 as commons-csv's {@code DEFAULT} format reads it with empty lines
 * ignored (a test compares the two on the fixtures, on edge cases and on random input): comma
 * separated; LF, CRLF or CR end a record; a field that starts with a quote runs to the matching
 * quote, may hold commas and line breaks, and spells a quote as two; a quote anywhere else is an
 * ordinary character. What commons-csv refuses is refused too: text after a closing quote, and a
 * quote that is never closed. Hand-written rather than commons-csv for speed and memory (a
 * 10 MB upload is scored on the headset's socket path; docs/benchmarks.md).
 */
final class CsvTable {

    static final Set<String> MISSING = Set.of("", "NA", "N/A", "n/a", "NULL", "null", "NaN", "nan", "-NaN",
            "-nan", "#N/A", "#N/A N/A", "#NA", "<NA>", "None");

    /** How many characters the scan copies out of the text at a time (16 KiB: within the first-level cache). */
    private static final int WINDOW = 1 << 13;

    /** How much of the text {@link #estimate} reads. */
    private static final int SAMPLE = 1 << 16;

    /** The longest record whose cells' ends fit {@link #narrow}: 15 bits of offset, one for the quote. */
    static final int NARROW_RECORD = 0x7FFF;
    private static final char QUOTED = 0x8000;

    private final String text;
    /**
     * Per cell, when every record is at most {@link #NARROW_RECORD} characters long (a result file's
     * rows are about a hundred): the offset just past its last character from its record's start, with
     * {@link #QUOTED} set for a quoted cell. Half the memory of {@link #wide}; null otherwise.
     */
    private final char[] narrow;
    /** Per cell, when some record is longer: the index just past its last character; bitwise-negated for a quoted cell. */
    private final int[] wide;
    /**
     * Per record, and one more: the index of its first cell in the cell arrays; null while every
     * record is as wide as the header ({@link #uniform} cells each: the usual file), so that nothing
     * per record but {@link #starts} is kept.
     */
    private final int[] firstCell;
    /** The header's width, when {@link #firstCell} is null. */
    private final int uniform;
    /** Per record: where its first cell starts. */
    private final int[] starts;
    private final int records;
    /** Whether some unquoted cell holds a quote (to be escaped on output). */
    private final boolean looseQuote;

    /** Whether every unquoted cell is ASCII: copied to the output byte for byte. */
    private final boolean asciiCells;

    private CsvTable(String text, char[] narrow, int[] wide, int[] firstCell, int uniform, int[] starts, int records,
                     boolean asciiCells, boolean looseQuote) {
        this.text = text;
        this.asciiCells = asciiCells;
        this.looseQuote = looseQuote;
        this.narrow = narrow;
        this.wide = wide;
        this.firstCell = firstCell;
        this.uniform = uniform;
        this.starts = starts;
        this.records = records;
    }

    static CsvTable of(String text) throws ScoringException {
        CsvTable narrow = scan(text, true);
        return narrow != null ? narrow : scan(text, false);
    }

    /** The table, or (narrow only) null as soon as a record is too long for the narrow index. */
    private static CsvTable scan(String text, boolean narrowIndex) throws ScoringException {
        int n = text.length();
        Estimate guess = estimate(text);
        char[] narrow = narrowIndex ? new char[guess.cells()] : null;
        int[] wide = narrowIndex ? null : new int[guess.cells()];
        int[] firstCell = null; // made when a record's width first differs from the header's
        int uniform = 0;
        int[] starts = new int[guess.records()];
        int cells = 0;
        int records = 0;
        int i = 0;
        boolean recordOpen = false;
        int high = 0; // the bits of every unquoted cell's characters, OR-ed: < 0x80 means ASCII
        boolean looseQuote = false; // a quote inside an unquoted cell
        char[] window = new char[WINDOW]; // text[windowStart, windowEnd), copied for the unquoted cells' scan
        int windowStart = 0;
        int windowEnd = 0;
        while (i <= n) {
            // at the start of a cell
            if (!recordOpen) {
                if (i == n) {
                    break;
                }
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') { // an empty line (or the LF of a CRLF): skipped
                    i++;
                    continue;
                }
                if (records + 1 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length + starts.length / 4);
                }
                starts[records] = i;
                recordOpen = true;
            }
            int end;
            boolean quoted = i < n && text.charAt(i) == '"';
            if (quoted) {
                int j = i + 1;
                while (true) {
                    j = text.indexOf('"', j);
                    if (j < 0) {
                        throw new ScoringException("the CSV is malformed: the quoted field that starts on line "
                                + lineOf(text, i) + " is never closed");
                    }
                    if (j + 1 < n && text.charAt(j + 1) == '"') {
                        j += 2;
                        continue;
                    }
                    break;
                }
                end = j + 1;
                while (end < n && isSpaceAfterQuote(text.charAt(end))) { // skipped, as commons-csv does
                    end++;
                }
                if (end < n) {
                    char after = text.charAt(end);
                    if (after != ',' && after != '\n' && after != '\r') {
                        throw new ScoringException("the CSV is malformed: line " + lineOf(text, j)
                                + " has text after the closing quote of a field");
                    }
                }
            } else {
                // to the cell's end through the window: a plain array loop, not a String's charAt
                end = i;
                while (true) {
                    if (end >= windowEnd) {
                        if (end >= n) {
                            break;
                        }
                        windowStart = end;
                        windowEnd = Math.min(n, end + window.length);
                        text.getChars(windowStart, windowEnd, window, 0);
                    }
                    int k = end - windowStart;
                    int limit = windowEnd - windowStart;
                    char c = 0;
                    while (k < limit) {
                        c = window[k];
                        if (c > ',') { // digits, letters, '.', '-': most characters, one comparison
                            high |= c;
                            k++;
                            continue;
                        }
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        looseQuote |= c == '"';
                        k++;
                    }
                    end = windowStart + k;
                    if (k < limit) {
                        break;
                    }
                }
            }
            if (narrow != null) {
                int offset = end - starts[records];
                if (offset > NARROW_RECORD) {
                    return null;
                }
                if (cells + 1 > narrow.length) {
                    narrow = Arrays.copyOf(narrow, narrow.length + narrow.length / 4);
                }
                narrow[cells++] = (char) (quoted ? offset | QUOTED : offset);
            } else {
                if (cells + 1 > wide.length) {
                    wide = Arrays.copyOf(wide, wide.length + wide.length / 4);
                }
                wide[cells++] = quoted ? ~end : end;
            }
            if (end < n && text.charAt(end) == ',') {
                i = end + 1; // the next cell of this record (empty if the line ends here)
                continue;
            }
            records++;
            if (records == 1) {
                uniform = cells;
            } else if (firstCell == null && cells != records * uniform) {
                firstCell = new int[starts.length + 1];
                for (int r = 0; r < records; r++) {
                    firstCell[r] = r * uniform;
                }
            }
            if (firstCell != null) {
                if (records + 1 > firstCell.length) {
                    firstCell = Arrays.copyOf(firstCell, firstCell.length + firstCell.length / 4);
                }
                firstCell[records] = cells;
            }
            recordOpen = false;
            if (end >= n) {
                break;
            }
            // the line break: CRLF is one
            if (text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
                end++;
            }
            i = end + 1;
        }
        return new CsvTable(text, narrow, wide, firstCell, uniform, starts, records, high < 0x80, looseQuote);
    }

    /**
     * The line that {@code position} is on, counted from 1 as an editor shows it: LF, CRLF and a lone
     * CR each end a line, inside quoted fields too. Only for messages, so counted only when one is made.
     */
    static int lineOf(String text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /**
     * How many cells and records the text has, guessed from its first {@link #SAMPLE} characters
     * (commas and line breaks outside quotes) with a sixteenth to spare, so that the index arrays
     * are allocated once at about their final size: a fixed ratio to the length over-allocates
     * by a third on short rows and runs out on long ones.
     */
    static Estimate estimate(String text) {
        int n = text.length();
        int sample = Math.min(n, SAMPLE);
        long separators = 0;
        long lines = 0;
        boolean quoted = false;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted; // an escaped quote toggles twice
            } else if (!quoted) {
                if (c == ',') {
                    separators++;
                } else if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                    separators++;
                    lines++;
                }
            }
        }
        double scale = sample == 0 ? 0 : (double) n / sample * 17 / 16;
        return new Estimate((int) Math.min(Integer.MAX_VALUE - 8, 1024 + (long) ((separators + 1) * scale)),
                (int) Math.min(Integer.MAX_VALUE - 8, 256 + (long) ((lines + 1) * scale)));
    }

    /** Sizes for the index arrays: cells and records, a little more than {@link #estimate} expects. */
    record Estimate(int cells, int records) {
    }

    private static boolean isSpaceAfterQuote(char c) {
        return c != ',' && c != '\n' && c != '\r' && Character.isWhitespace(c);
    }

    int size() {
        return records;
    }

    int width(int record) {
        return firstCell == null ? uniform : firstCell[record + 1] - firstCell[record];
    }

    /** The index of the record's first cell in the cell arrays. */
    private int firstCell(int record) {
        return firstCell == null ? record * uniform : firstCell[record];
    }

    /** Where the cell's text starts (its opening quote, if quoted); {@code col} must be within the row. */
    int start(int record, int col) {
        int k = firstCell(record) + col;
        return col == 0 ? starts[record] : endOf(k - 1, record) + 1;
    }

    /** Just past the cell's text (its closing quote and any blanks after it, if quoted). */
    int end(int record, int col) {
        return endOf(firstCell(record) + col, record);
    }

    boolean quoted(int record, int col) {
        return quotedCell(firstCell(record) + col);
    }

    /** Just past cell {@code k} (of {@code record}) in the text. */
    private int endOf(int k, int record) {
        return narrow != null ? starts[record] + (narrow[k] & NARROW_RECORD) : end(wide[k]);
    }

    private boolean quotedCell(int k) {
        return narrow != null ? narrow[k] >= QUOTED : wide[k] < 0;
    }

    String text() {
        return text;
    }

    /** For a quoted cell: the index of its closing quote. */
    int closingQuote(int record, int col) {
        int q = end(record, col) - 1;
        while (text.charAt(q) != '"') {
            q--;
        }
        return q;
    }

    private static int end(int stored) {
        return stored < 0 ? ~stored : stored;
    }

    /** The cell's value ({@code ""} past the end of a short row), quotes removed. */
    String raw(int record, int col) {
        if (col >= width(record)) {
            return "";
        }
        int from = start(record, col);
        int to = end(record, col);
        if (!quoted(record, col)) {
            return text.substring(from, to);
        }
        String inner = text.substring(from + 1, closingQuote(record, col));
        return inner.indexOf('"') < 0 ? inner : inner.replace("\"\"", "\"");
    }

    /** The cell, with missing-value tokens read as empty. */
    String cell(int record, int col) {
        String v = raw(record, col);
        return mayBeMissing(v, 0, v.length()) && MISSING.contains(v) ? "" : v;
    }

    /** Whether the cell is empty or a missing-value token, without making a string of it if it is not short. */
    boolean missing(int record, int col) {
        if (col >= width(record)) {
            return true;
        }
        int from = start(record, col);
        int to = end(record, col);
        if (quoted(record, col)) {
            // the value between the quotes; a quote in it (spelled "") never makes a missing token
            from++;
            to = closingQuote(record, col);
            if (from < to && text.indexOf('"', from) < to) {
                return false;
            }
        }
        return mayBeMissing(text, from, to) && (from == to || MISSING.contains(text.substring(from, to)));
    }

    String[] row(int record) {
        String[] r = new String[width(record)];
        for (int c = 0; c < r.length; c++) {
            r[c] = raw(record, c);
        }
        return r;
    }

    /** Appends the cell to the processed file: missing-value tokens as empty, quoted when needed. */
    void appendCell(Utf8Writer out, int record, int col) {
        if (col >= width(record)) {
            return;
        }
        if (quoted(record, col)) {
            appendEscaped(out, cell(record, col));
            return;
        }
        int from = start(record, col);
        int to = end(record, col);
        if (mayBeMissing(text, from, to) && MISSING.contains(text.substring(from, to))) {
            return;
        }
        if (looseQuote && text.substring(from, to).indexOf('"') >= 0) {
            appendEscaped(out, text.substring(from, to)); // a quote inside an unquoted cell
            return;
        }
        if (asciiCells) {
            out.appendAscii(text, from, to);
        } else {
            out.append(text, from, to); // no comma or line break can be inside
        }
    }

    /**
     * Appends cells {@code first..last} with their commas as one copy, if every one of them is
     * present, unquoted, ASCII and not a missing-value token; else appends nothing and says false.
     */
    boolean appendSpan(Utf8Writer out, int record, int first, int last) {
        if (!asciiCells || looseQuote || last >= width(record)) {
            return false;
        }
        int k = firstCell(record) + first;
        int from = first == 0 ? starts[record] : endOf(k - 1, record) + 1;
        int cellStart = from;
        for (int col = first; col <= last; col++, k++) {
            if (quotedCell(k)) {
                return false;
            }
            int to = endOf(k, record);
            if (mayBeMissing(text, cellStart, to)) {
                return false;
            }
            cellStart = to + 1;
        }
        out.appendAscii(text, from, cellStart - 1);
        return true;
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
        if (c == '-') { // only -NaN and -nan: a negative number is never missing
            return len == 4 && (s.charAt(from + 1) == 'N' || s.charAt(from + 1) == 'n');
        }
        return c == 'N' || c == 'n' || c == '#' || c == '<';
    }

    /** Quotes a field only if it holds a comma, a quote or a line break. */
    static void appendEscaped(Utf8Writer out, String v) {
        if (v == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(v, 0, v.length());
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
}
