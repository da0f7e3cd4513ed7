package kr.dat.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.dat.diagnosis.DiagnosisType;

/**
 * Scores a headset's result CSV exactly as docs/scoring.md describes (the old server's numbers, its
 * processed file, without its crashes): split it with {@link CsvTable} (one quote-aware pass),
 * derive {@code time (second)},
 * {@code event}, {@code spend_time} and, for TENNISBALL, the split and min-max scaled positions,
 * write the columns sorted, and compute score, time_spent and fps. Pure: no I/O, no state.
 */
public final class ResultScorer {

    static final String TIME = "current_time";
    static final String STATE = "State";
    static final String SCORE = "Score";
    static final String POSITION = "Position";
    static final String TIME_SECONDS = "time (second)";
    static final String EVENT = "event";
    static final String SPEND_TIME = "spend_time";
    private static final String[] AXES = {"X", "Y", "Z"};
    /** sklearn treats a smaller range as constant (10 × machine epsilon). */
    private static final double MIN_RANGE = 10 * Math.ulp(1.0);

    private ResultScorer() {
    }

    public static ScoredResult score(String csv, DiagnosisType type) throws ScoringException {
        String text = !csv.isEmpty() && csv.charAt(0) == '\uFEFF' ? csv.substring(1) : csv;
        CsvTable table = CsvTable.of(text);
        if (table.size() == 0) {
            throw new ScoringException("the file is empty");
        }
        String[] header = table.row(0);
        int rows = table.size() - 1;
        if (rows == 0) {
            throw new ScoringException("the file has a header but no data rows");
        }
        boolean tennis = type == DiagnosisType.TENNISBALL;
        int timeCol = require(header, TIME);
        int stateCol = require(header, STATE);
        int scoreCol = require(header, SCORE);
        int positionCol = tennis ? require(header, POSITION) : -1;

        double[] t = new double[rows];
        // events: a drop of State is a Fail (start restarts), a rise a Success (start stays); found
        // in the same pass as the times, so no State column is kept
        Events events = new Events();
        double prevState = Double.NaN;
        double start = 0;
        for (int r = 0; r < rows; r++) {
            int rec = r + 1;
            int width = table.width(rec);
            if (width > header.length) {
                throw new ScoringException(where(r) + "has " + width + " fields but the header has " + header.length);
            }
            if (table.missing(rec, timeCol)) {
                throw new ScoringException(where(r) + "has no current_time");
            }
            t[r] = table.quoted(rec, timeCol) ? CsvTimestamp.seconds(table.raw(rec, timeCol))
                    : CsvTimestamp.seconds(table.text(), table.start(rec, timeCol), table.end(rec, timeCol));
            if (Double.isNaN(t[r])) {
                throw new ScoringException(where(r) + "current_time '" + abbreviate(table.cell(rec, timeCol))
                        + "' is not a time like 2025-01-24 14:24:44.905");
            }
            double state = Double.NaN;
            if (!table.missing(rec, stateCol)) {
                state = number(table, rec, stateCol);
                if (Double.isNaN(state)) {
                    throw new ScoringException(where(r) + "State '" + abbreviate(table.cell(rec, stateCol)) + "' is not a number");
                }
            }
            if (r == 0) {
                start = t[0];
            } else if (!Double.isNaN(prevState) && !Double.isNaN(state) && state != prevState) {
                boolean fail = state < prevState;
                events.add(r, fail, t[r] - start);
                if (fail) {
                    start = t[r];
                }
            }
            prevState = state;
        }
        String lastScore = table.cell(rows, scoreCol);
        double score = lastScore.isEmpty() ? Double.NaN : number(lastScore);
        if (Double.isNaN(score)) {
            throw new ScoringException("the last row's Score " + (lastScore.isEmpty() ? "is missing" : "'" + abbreviate(lastScore)
                    + "' is not a number"));
        }
        double timeSpent = t[rows - 1] - t[0];
        if (!(timeSpent > 0)) {
            throw new ScoringException("time_spent is " + PyFloat.repr(timeSpent) + " s (the first and last current_time"
                    + (rows == 1 ? " are the same row" : " do not move forward") + "); it must be positive");
        }

        List<Column> columns = new ArrayList<>();
        Set<String> derived = new HashSet<>(List.of(TIME_SECONDS, EVENT, SPEND_TIME, "time_in_seconds"));
        double[][] positions = null;
        int[] asWritten = tennis ? new int[rows] : null; // which position parts already read as their repr (see spans)
        if (tennis) {
            positions = positions(table, positionCol, rows, asWritten);
            derived.add(POSITION);
            for (int a = 0; a < 3; a++) {
                derived.add("Position_" + AXES[a]);
                derived.add("Scaled_Position_" + AXES[a]);
            }
        }
        for (int c = 0; c < header.length; c++) {
            if (!derived.contains(header[c])) {
                columns.add(Column.input(header[c], c));
            }
        }
        columns.add(Column.seconds(TIME_SECONDS, t));
        columns.add(Column.events(EVENT, false));
        columns.add(Column.events(SPEND_TIME, true));
        if (tennis) {
            for (int a = 0; a < 3; a++) {
                columns.add(Column.number("Position_" + AXES[a], positions[a], positionCol, a, asWritten));
                columns.add(Column.scaled("Scaled_Position_" + AXES[a], positions[a], Scaling.of(positions[a])));
            }
        }
        columns.sort(Comparator.comparing(Column::name, ResultScorer::compareCodePoints));

        Utf8Writer processed = write(columns, table, rows, events, text.length() + 24 * rows);
        return new ScoredResult(processed, score, timeSpent, rows / timeSpent, rows, events.size() - events.fails(),
                events.fails());
    }

    // ---- parsing ----

    private static int require(String[] header, String name) throws ScoringException {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new ScoringException("the required column '" + name + "' is missing (columns: "
                + abbreviate(String.join(", ", header)) + ")");
    }

    /**
     * A cell's number: an unquoted integer of up to 15 digits (what State and Score are) is read
     * where it stands; anything else as {@link #number(String)} reads it.
     */
    static double number(CsvTable table, int rec, int col) {
        if (!table.quoted(rec, col)) {
            String text = table.text();
            int from = table.start(rec, col);
            int to = table.end(rec, col);
            boolean negative = from < to && text.charAt(from) == '-';
            int i = negative ? from + 1 : from;
            if (i < to && to - i <= 15) {
                long v = 0;
                while (i < to) {
                    char c = text.charAt(i);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    v = v * 10 + (c - '0');
                    i++;
                }
                if (i == to) {
                    return negative ? -(double) v : v;
                }
            }
        }
        return number(table.raw(rec, col));
    }

    /** A number as Python's float() reads it, or NaN. */
    static double number(String s) {
        String v = s.strip();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!ok) {
                String lower = v.toLowerCase();
                if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || lower.equals("+infinity")) {
                    return Double.POSITIVE_INFINITY;
                }
                if (lower.equals("-inf") || lower.equals("-infinity")) {
                    return Double.NEGATIVE_INFINITY;
                }
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    // ---- TENNISBALL positions ----

    /** {@code "(x, y, z)"} → three columns; a row without such a group gets empty cells (NaN). */
    private static double[][] positions(CsvTable table, int col, int rows, int[] asWritten) throws ScoringException {
        double[][] p = new double[3][rows];
        boolean any = false;
        int[] parts = new int[6];
        for (int r = 0; r < rows; r++) {
            int rec = r + 1;
            String v;
            int from;
            int to;
            if (table.missing(rec, col)) {
                v = "";
                from = 0;
                to = 0;
            } else if (table.quoted(rec, col) && !hasEscapedQuote(table, rec, col)) {
                v = table.text(); // the value is the text between the quotes: read it in place
                from = table.start(rec, col) + 1;
                to = table.closingQuote(rec, col);
            } else {
                v = table.cell(rec, col);
                from = 0;
                to = v.length();
            }
            if (v == table.text() && plainTriple(v, from, to, p, asWritten, r)) {
                any = true; // the usual "(0.2488537, 1.16324, 0.2820096)": read in one pass
                continue;
            }
            boolean found = false;
            for (int open = indexOf(v, '(', from, to); open >= 0 && !found; open = indexOf(v, '(', open + 1, to)) {
                found = triple(v, open, to, parts);
            }
            if (!found) {
                for (int a = 0; a < 3; a++) {
                    p[a][r] = Double.NaN;
                }
                continue;
            }
            boolean inPlace = v == table.text() && parts[0] == from + 1; // the group opens the cell: spans() can find it
            int repr = 0;
            for (int a = 0; a < 3; a++) {
                double d = decimal(v, parts[2 * a], parts[2 * a + 1]);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    String part = v.substring(parts[2 * a], parts[2 * a + 1]);
                    throw new ScoringException(where(r) + "Position part '" + abbreviate(part.strip()) + "' is not a finite number");
                }
                p[a][r] = d;
                if (inPlace && isRepr(v, parts[2 * a], parts[2 * a + 1])) {
                    repr |= 1 << a;
                }
            }
            asWritten[r] = spans(parts[1] - parts[0], parts[3] - parts[2], parts[5] - parts[4], repr);
            any = true;
        }
        if (!any) {
            throw new ScoringException("the Position column has no value like (x, y, z)");
        }
        return p;
    }

    /**
     * Whether {@code s[from, to)} is already what Python's repr writes for the number it reads as:
     * {@code -?(0|[1-9][0-9]*)\.[0-9]+} with no trailing zero after the point (but {@code x.0}),
     * at most 15 significant digits (then they are the shortest that read back) and fewer than four
     * zeros right after the point of a number below one (repr's switch to an exponent).
     */
    static boolean isRepr(String s, int from, int to) {
        int i = from;
        if (i < to && s.charAt(i) == '-') {
            i++;
        }
        int intStart = i;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && s.charAt(intStart) == '0') || i >= to || s.charAt(i) != '.') {
            return false;
        }
        int fracStart = ++i;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int fracDigits = i - fracStart;
        if (i != to || fracDigits == 0 || (fracDigits > 1 && s.charAt(to - 1) == '0')) {
            return false;
        }
        boolean belowOne = intDigits == 1 && s.charAt(intStart) == '0';
        int significant;
        if (belowOne) {
            int zeros = 0;
            while (zeros < fracDigits && s.charAt(fracStart + zeros) == '0') {
                zeros++;
            }
            if (zeros == fracDigits) {
                return true; // 0.0
            }
            if (zeros > 3) {
                return false;
            }
            significant = fracDigits - zeros;
        } else {
            significant = intDigits + (fracDigits == 1 && s.charAt(fracStart) == '0' ? 0 : fracDigits);
        }
        return significant <= 15;
    }

    /**
     * One pass over {@code (a, b, c)} at {@code from} where a, b, c are plain decimals with a point
     * ({@code -?digits.digits}, at most 15 significant digits): exactly what the general search
     * below finds for such a cell, without its rescans. False (and nothing trusted) for anything else.
     */
    private static boolean plainTriple(String v, int from, int to, double[][] p, int[] asWritten, int r) {
        if (from >= to || v.charAt(from) != '(') {
            return false;
        }
        int i = from + 1;
        int lengths = 0; // as spans() packs them
        int repr = 0;
        for (int a = 0; a < 3; a++) {
            int start = i;
            boolean negative = i < to && v.charAt(i) == '-';
            if (negative) {
                i++;
            }
            long m = 0;
            int significant = 0;
            int intStart = i;
            int point = -1;
            int firstNonZero = -1; // after the point
            char c = 0;
            for (; i < to; i++) {
                c = v.charAt(i);
                if (c == '.' && point < 0) {
                    point = i;
                    continue;
                }
                if (c < '0' || c > '9') {
                    break;
                }
                if (point >= 0 && c != '0' && firstNonZero < 0) {
                    firstNonZero = i;
                }
                if (m != 0 || c != '0') {
                    significant++;
                }
                if (significant > 15) {
                    return false;
                }
                m = m * 10 + (c - '0');
            }
            if (point <= intStart) {
                return false; // no point, or nothing before it
            }
            int intDigits = point - intStart;
            int fracStart = point + 1;
            int fracDigits = i - fracStart;
            if (fracDigits == 0 || fracDigits > 22 || significant > 15 || i >= to || c != (a < 2 ? ',' : ')')) {
                return false;
            }
            int end = i;
            if (a < 2) {
                if (i + 1 >= to || v.charAt(i + 1) != ' ') {
                    return false;
                }
                i += 2;
            }
            double d = m / PyFloat.pow10(fracDigits);
            p[a][r] = negative ? -d : d;
            // isRepr's conditions, from what this pass saw (15 significant digits or fewer is already given)
            boolean belowOne = intDigits == 1 && v.charAt(intStart) == '0';
            if (!(intDigits > 1 && v.charAt(intStart) == '0') && !(fracDigits > 1 && v.charAt(end - 1) == '0')
                    && (!belowOne || firstNonZero < 0 || firstNonZero - fracStart <= 3)) {
                repr |= 1 << a;
            }
            if (end - start > 0xFF) {
                repr = -1; // too long to pack: formatted
            }
            lengths |= (end - start & 0xFF) << 8 * a;
        }
        asWritten[r] = repr <= 0 ? 0 : repr << 24 | lengths;
        return true;
    }

    /**
     * Where the parts of a row's {@code "(x, y, z)"} stand and which of them already read as their
     * repr, in one int (a row of the processed file copies those as written): the three lengths in
     * bytes 0–2, the parts' bits from bit 24; the parts follow the cell's {@code "(} and each other
     * after {@code ", "}. 0 — every part formatted — if a part is longer than 255 characters.
     */
    static int spans(int x, int y, int z, int repr) {
        return repr == 0 || x > 0xFF || y > 0xFF || z > 0xFF ? 0 : repr << 24 | z << 16 | y << 8 | x;
    }

    /** Part {@code axis} of {@link #spans}, as {@code start << 32 | end} in the text, or 0 if it is formatted. */
    static long span(int spans, int axis, int cellStart) {
        if ((spans >>> 24 & 1 << axis) == 0) {
            return 0;
        }
        int from = cellStart + 2; // past the quote and the parenthesis
        for (int a = 0; a < axis; a++) {
            from += (spans >>> 8 * a & 0xFF) + 2; // the part and its ", "
        }
        return (long) from << 32 | from + (spans >>> 8 * axis & 0xFF);
    }

    private static boolean hasEscapedQuote(CsvTable table, int rec, int col) {
        String text = table.text();
        for (int i = table.start(rec, col) + 1, end = table.closingQuote(rec, col); i < end; i++) {
            if (text.charAt(i) == '"') {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Bounds of the three parts of {@code (a, b, c)} starting at {@code open}, within {@code to}:
     * parts separated by ", ", none empty or holding a comma.
     */
    private static boolean triple(String v, int open, int to, int[] bounds) {
        int close = indexOf(v, ')', open, to);
        if (close < 0) {
            return false;
        }
        int from = open + 1;
        for (int a = 0; a < 3; a++) {
            int end;
            if (a < 2) {
                end = indexOf(v, ',', from, close);
                if (end < 0 || end + 1 >= close || v.charAt(end + 1) != ' ') {
                    return false;
                }
            } else {
                end = close;
                if (indexOf(v, ',', from, close) >= 0) {
                    return false;
                }
            }
            if (end == from) {
                return false;
            }
            bounds[2 * a] = from;
            bounds[2 * a + 1] = end;
            from = end + 2;
        }
        return true;
    }

    /**
     * {@code s[from, to)} as Python's float() reads it. A plain decimal of at most 15 significant
     * digits and at most 22 after the point (what the headset writes) is read exactly-rounded by
     * one division (Clinger's fast path); anything else by {@link #number(String)}.
     */
    static double decimal(String s, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int afterPoint = -1;
        int digits = 0;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (m != 0 || c != '0') {
                    significant++;
                }
                m = m * 10 + (c - '0');
                if (afterPoint >= 0) {
                    afterPoint++;
                }
            } else if (c == '.' && afterPoint < 0) {
                afterPoint = 0;
            } else {
                break;
            }
        }
        if (i == to && digits > 0 && significant <= 15 && afterPoint <= 22) {
            double v = afterPoint <= 0 ? m : m / PyFloat.pow10(afterPoint);
            return negative ? -v : v;
        }
        return number(s.substring(from, to));
    }

    /**
     * Min-max scaling over the non-empty values: {@code x * scale + offset}, as scikit-learn does it
     * (two rounded steps). Applied while the file is written, so no scaled copy of a column is kept.
     */
    record Scaling(double scale, double offset) {

        static Scaling of(double[] x) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                if (!Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            double range = max - min;
            if (range < MIN_RANGE) {
                range = 1.0;
            }
            double scale = 1.0 / range;
            return new Scaling(scale, -(min * scale));
        }

        double apply(double v) {
            return Double.isNaN(v) ? Double.NaN : v * scale + offset;
        }
    }

    /**
     * The changes of State, in row order: where it rose (Success) or dropped (Fail), and the seconds
     * since the start then (the first row's time, or the last Fail's). Typically a few hundred in a
     * file of 160,000 rows, so two small arrays instead of two text columns; the writer walks them
     * along the rows.
     */
    static final class Events {
        private int[] rows = new int[256]; // row << 1, plus 1 for a Fail
        private double[] spent = new double[256];
        private int size;
        private int fails;

        void add(int row, boolean fail, double seconds) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
                spent = Arrays.copyOf(spent, size * 2);
            }
            rows[size] = row << 1 | (fail ? 1 : 0);
            spent[size++] = seconds;
            if (fail) {
                fails++;
            }
        }

        int size() {
            return size;
        }

        int fails() {
            return fails;
        }

        /** The data row of event {@code k}. */
        int row(int k) {
            return rows[k] >> 1;
        }

        boolean fail(int k) {
            return (rows[k] & 1) != 0;
        }

        double spent(int k) {
            return spent[k];
        }
    }

    // ---- output ----

    /** A column of the processed file: copied from the input, or derived (numbers, seconds since the first row, events). */
    private record Column(String name, Kind kind, int inputIndex, int axis, double[] numbers, int[] asWritten, Scaling scaling) {
        enum Kind { INPUT, SECONDS, NUMBER, SCALED, EVENT, SPEND }

        static Column input(String name, int index) {
            return new Column(name, Kind.INPUT, index, -1, null, null, null);
        }

        /** {@code t[r] − t[0]}. */
        static Column seconds(String name, double[] t) {
            return new Column(name, Kind.SECONDS, -1, -1, t, null, null);
        }

        /** Position part {@code axis} of input column {@code index}; where {@code asWritten} says so, its own text ({@link #span}). */
        static Column number(String name, double[] numbers, int index, int axis, int[] asWritten) {
            return new Column(name, Kind.NUMBER, index, axis, numbers, asWritten, null);
        }

        static Column scaled(String name, double[] numbers, Scaling scaling) {
            return new Column(name, Kind.SCALED, -1, -1, numbers, null, scaling);
        }

        /** {@code Fail} / {@code Success} where State changed, or (spend) the seconds before it, with {@code ms}: from the file's events. */
        static Column events(String name, boolean spend) {
            return new Column(name, spend ? Kind.SPEND : Kind.EVENT, -1, -1, null, null, null);
        }
    }

    private static Utf8Writer write(List<Column> columns, CsvTable table, int rows, Events events, int sizeHint) {
        Utf8Writer out = new Utf8Writer(sizeHint);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            CsvTable.appendEscaped(out, columns.get(c).name());
        }
        out.append('\n');
        Column[] cols = columns.toArray(new Column[0]);
        // input columns that stay neighbours in the output (Rotation_X..Z, Score,State) are copied as one span
        int[] run = new int[cols.length];
        for (int c = cols.length - 1; c >= 0; c--) {
            boolean input = cols[c].kind() == Column.Kind.INPUT;
            run[c] = !input ? 0 : c + 1 < cols.length && cols[c + 1].kind() == Column.Kind.INPUT
                    && cols[c + 1].inputIndex() == cols[c].inputIndex() + 1 ? run[c + 1] + 1 : 1;
        }
        String text = table.text();
        int nextEvent = 0;
        for (int r = 0; r < rows; r++) {
            int k = nextEvent < events.size() && events.row(nextEvent) == r ? nextEvent++ : -1; // this row's event
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    out.append(',');
                }
                Column col = cols[c];
                switch (col.kind()) {
                    case INPUT -> {
                        if (run[c] > 1 && table.appendSpan(out, r + 1, col.inputIndex(), col.inputIndex() + run[c] - 1)) {
                            c += run[c] - 1;
                        } else {
                            table.appendCell(out, r + 1, col.inputIndex());
                        }
                    }
                    case SECONDS -> PyFloat.append(out, col.numbers()[r] - col.numbers()[0]);
                    case NUMBER -> {
                        int spans = col.asWritten()[r];
                        long span = spans == 0 ? 0 : span(spans, col.axis(), table.start(r + 1, col.inputIndex()));
                        if (span != 0) {
                            out.appendAscii(text, (int) (span >>> 32), (int) span);
                        } else {
                            appendNumber(out, col.numbers()[r]);
                        }
                    }
                    case SCALED -> appendNumber(out, col.scaling().apply(col.numbers()[r]));
                    case EVENT -> {
                        if (k >= 0) {
                            String e = events.fail(k) ? "Fail" : "Success";
                            out.appendAscii(e, 0, e.length());
                        }
                    }
                    case SPEND -> {
                        if (k >= 0) {
                            PyFloat.append(out, events.spent(k));
                            out.appendAscii("ms", 0, 2);
                        }
                    }
                }
            }
            out.append('\n');
        }
        return out;
    }

    private static void appendNumber(Utf8Writer out, double d) {
        if (!Double.isNaN(d)) {
            PyFloat.append(out, d);
        }
    }

    private static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static String where(int dataRow) {
        return "data row " + (dataRow + 1) + " ";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
