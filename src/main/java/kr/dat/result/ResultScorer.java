package kr.dat.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntUnaryOperator;
import kr.dat.diagnosis.DiagnosisType;

/**
 * Scores a headset's result CSV exactly as docs/scoring.md describes (the old server's numbers, its
 * processed file, without its crashes): split it with {@link CsvTable} (one quote-aware pass), read
 * the positions for TENNISBALL (their ranges are needed first), then check and write every row in one
 * pass — {@code time (second)}, {@code event}, {@code spend_time}, the split and min-max scaled
 * positions, the columns sorted — and compute score, time_spent and fps. Pure: no I/O, no state.
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

    /** Rows from which {@link #score(String, DiagnosisType, Executor)} does the second half on a helper. */
    static final int SPLIT_ROWS = 8_192;

    /** Scores on this thread alone. */
    public static ScoredResult score(String csv, DiagnosisType type) throws ScoringException {
        return score(csv, type, null, rows -> 0);
    }

    /**
     * Scores with a second thread from {@code helper} for a file of {@value #SPLIT_ROWS} rows or more:
     * it reads the second half of the positions and writes the second half of the rows while this
     * thread does the first, and the two outputs are joined without a copy (same bytes, same numbers,
     * same first error as on one thread). If no helper thread is free, this thread does the second
     * half itself once it has done the first, so it never waits for a task still queued (a pool of
     * scorers cannot starve itself).
     */
    public static ScoredResult score(String csv, DiagnosisType type, Executor helper) throws ScoringException {
        return score(csv, type, helper, rows -> rows >= SPLIT_ROWS ? rows / 2 : 0);
    }

    /**
     * {@code splitAt}: the number of data rows → the first row the helper writes (outside
     * {@code [1, rows)}: no split). Tests choose it; the others split in the middle.
     */
    static ScoredResult score(String csv, DiagnosisType type, Executor helper, IntUnaryOperator splitAt)
            throws ScoringException {
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

        int split = helper == null ? 0 : splitAt.applyAsInt(rows);
        if (split < 1 || split >= rows) {
            split = 0;
        }
        // positions first: the scaling needs each axis's range before any row is written
        Positions positions = tennis ? Positions.read(table, positionCol, rows, helper, split) : null;
        List<Column> columns = new ArrayList<>();
        Set<String> derived = new HashSet<>(List.of(TIME_SECONDS, EVENT, SPEND_TIME, "time_in_seconds"));
        if (tennis) {
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
        columns.add(Column.of(TIME_SECONDS, Column.Kind.SECONDS, -1, null));
        columns.add(Column.of(EVENT, Column.Kind.EVENT, -1, null));
        columns.add(Column.of(SPEND_TIME, Column.Kind.SPEND, -1, null));
        if (tennis) {
            for (int a = 0; a < 3; a++) {
                columns.add(Column.of("Position_" + AXES[a], Column.Kind.NUMBER, a, null));
                columns.add(Column.of("Scaled_Position_" + AXES[a], Column.Kind.SCALED, a, positions.scaling(a)));
            }
        }
        columns.sort(Comparator.comparing(Column::name, ResultScorer::compareCodePoints));

        // one pass over the rows: each row's time and State are read, checked, and the row written
        Rows written = write(columns, table, header.length, timeCol, stateCol, rows, positions,
                text.length() + 24 * rows, helper, split);
        String lastScore = table.cell(rows, scoreCol);
        double score = lastScore.isEmpty() ? Double.NaN : number(lastScore);
        if (Double.isNaN(score)) {
            throw new ScoringException("the last row's Score " + (lastScore.isEmpty() ? "is missing" : "'" + abbreviate(lastScore)
                    + "' is not a number"));
        }
        double timeSpent = written.last() - written.first();
        if (!(timeSpent > 0)) {
            throw new ScoringException("time_spent is " + PyFloat.repr(timeSpent) + " s (the first and last current_time"
                    + (rows == 1 ? " are the same row" : " do not move forward") + "); it must be positive");
        }
        if (positions != null && positions.rejected() != null) {
            throw positions.rejected();
        }
        return new ScoredResult(written.out(), score, timeSpent, rows / timeSpent, rows, written.successes(),
                written.fails());
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

        static Scaling of(double min, double max) {
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

    // ---- TENNISBALL positions ----

    /**
     * The parts of each row's {@code "(x, y, z)"} ({@code Position}), per axis, with each axis's range.
     * A part the headset wrote as a decimal ({@code 0.2488537}, or {@code 9.942062E-05} for small
     * ones) that comes to {@code ±m / 10^k} with {@code m} in 26 bits is kept as how it was read —
     * sign, {@code k}, {@code m} — in one int: the value is that one exact-rounded division again (as
     * reading it did), and where {@code m / 10^k} written out is the value's repr it is written from
     * those digits without formatting a double. An axis with any other part holds doubles from then
     * on. Half the memory of three double columns, and no note of where each part stood in the text.
     */
    static final class Positions {
        /** No number (a row without a readable group): the exponent field at 31, which no part uses. */
        static final int EMPTY = 31 << 26;
        /** What {@link #packed} answers for a part that does not pack (the exponent field at 31, negative). */
        static final int NOT_PACKED = -1;
        private static final int DIGITS = (1 << 26) - 1;

        private final int[][] packed = new int[3][];
        /** Per axis, once one of its parts does not pack: every part as a double (NaN when empty); else null. */
        private final double[][] wide = new double[3][];
        private final double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        private final double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        private final long[] m = new long[3];
        private final int[] k = new int[3];
        /** The first problem found (a part that is not a finite number, or no group at all), thrown after the rows are checked. */
        private ScoringException rejected;
        /** Whether a row had a group. */
        private boolean any;
        /** Reading one of two halves at once: a part that only a double holds stops it ({@link #gaveUp}). */
        private boolean half;
        private boolean gaveUp;

        private Positions(int rows) {
            for (int a = 0; a < 3; a++) {
                packed[a] = new int[rows];
            }
        }

        /** The second half of a split read: its own ranges, the same packed columns (other rows of them). */
        private Positions(Positions first) {
            System.arraycopy(first.packed, 0, packed, 0, 3);
            half = true;
        }

        /**
         * {@code "(x, y, z)"} of every row → three columns; a row without such a group gets empty cells.
         * With {@code split > 0}, rows from {@code split} on are read on a helper thread at the same
         * time (see {@link ResultScorer#score(String, DiagnosisType, Executor)}); if either half meets
         * a part that only a double holds (rare: more than 8 digits, or an exponent beyond the
         * packed form), the file is read again on one thread.
         */
        static Positions read(CsvTable table, int col, int rows, Executor helper, int split) throws ScoringException {
            Positions p = new Positions(rows);
            if (split > 0) {
                p.half = true;
                Positions second = new Positions(p);
                FutureTask<Void> task = new FutureTask<>(() -> second.read(table, col, split, rows), null);
                fork(helper, task);
                p.read(table, col, 0, split);
                task.run(); // nothing, if a helper has taken it already
                join(task);
                if (!p.gaveUp && !second.gaveUp) {
                    p.rejected = p.rejected != null ? p.rejected : second.rejected; // the first half's comes first
                    p.any |= second.any;
                    for (int a = 0; a < 3; a++) {
                        p.min[a] = Math.min(p.min[a], second.min[a]);
                        p.max[a] = Math.max(p.max[a], second.max[a]);
                    }
                    p.half = false;
                    p.finish();
                    return p;
                }
                p = new Positions(rows);
            }
            p.read(table, col, 0, rows);
            p.finish();
            return p;
        }

        private void finish() {
            if (!any && rejected == null) {
                rejected = new ScoringException("the Position column has no value like (x, y, z)");
            }
        }

        /** Rows {@code [first, end)}, until the first problem (or, for a half, a part that needs a double). */
        private void read(CsvTable table, int col, int first, int end) {
            int[] parts = new int[6];
            String text = table.text();
            for (int r = first; r < end && rejected == null && !gaveUp; r++) {
                int rec = r + 1;
                String v;
                int from;
                int to;
                if (table.missing(rec, col)) {
                    v = "";
                    from = 0;
                    to = 0;
                } else if (table.quoted(rec, col) && !hasEscapedQuote(table, rec, col)) {
                    v = text; // the value is the text between the quotes: read it in place
                    from = table.start(rec, col) + 1;
                    to = table.closingQuote(rec, col);
                } else {
                    v = table.cell(rec, col);
                    from = 0;
                    to = v.length();
                }
                if (plainTriple(v, from, to, r)) {
                    any = true; // the usual "(0.2488537, 1.16324, 0.2820096)": read in one pass
                    continue;
                }
                boolean found = false;
                for (int open = indexOf(v, '(', from, to); open >= 0 && !found; open = indexOf(v, '(', open + 1, to)) {
                    found = triple(v, open, to, parts);
                }
                if (!found) {
                    for (int a = 0; a < 3; a++) {
                        packed[a][r] = EMPTY;
                        if (wide[a] != null) {
                            wide[a][r] = Double.NaN;
                        }
                    }
                    continue;
                }
                for (int a = 0; a < 3 && rejected == null; a++) {
                    int bits = packed(v, parts[2 * a], parts[2 * a + 1]);
                    double d = bits != NOT_PACKED ? value(bits) : decimal(v, parts[2 * a], parts[2 * a + 1]);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        String part = v.substring(parts[2 * a], parts[2 * a + 1]);
                        rejected = new ScoringException(where(r) + "Position part '" + abbreviate(part.strip())
                                + "' is not a finite number");
                    } else if (bits != NOT_PACKED && wide[a] == null) {
                        packed[a][r] = bits;
                        range(a, d);
                    } else {
                        put(a, r, d);
                    }
                }
                any = true;
            }
        }

        /**
         * One pass over {@code (a, b, c)} at {@code from} where a, b, c are plain decimals with a point
         * ({@code -?digits.digits}, at most 15 significant digits): exactly what the general search
         * finds for such a cell, without its rescans. False (and nothing stored) for anything else.
         */
        private boolean plainTriple(String v, int from, int to, int r) {
            if (from >= to || v.charAt(from) != '(') {
                return false;
            }
            int i = from + 1;
            long[] m = this.m; // the three parts are stored only once all three have been read
            int[] k = this.k;
            int negatives = 0;
            for (int a = 0; a < 3; a++) {
                boolean negative = i < to && v.charAt(i) == '-';
                if (negative) {
                    i++;
                }
                long digits = 0;
                int significant = 0;
                int intStart = i;
                int point = -1;
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
                    if (digits != 0 || c != '0') {
                        significant++;
                    }
                    if (significant > 15) {
                        return false;
                    }
                    digits = digits * 10 + (c - '0');
                }
                if (point <= intStart) {
                    return false; // no point, or nothing before it
                }
                int fracDigits = i - point - 1;
                if (fracDigits == 0 || fracDigits > 22 || i >= to || c != (a < 2 ? ',' : ')')) {
                    return false;
                }
                if (a < 2) {
                    if (i + 1 >= to || v.charAt(i + 1) != ' ') {
                        return false;
                    }
                    i += 2;
                }
                m[a] = digits;
                k[a] = fracDigits;
                negatives |= negative ? 1 << a : 0;
            }
            for (int a = 0; a < 3; a++) {
                put(a, r, (negatives & 1 << a) != 0, m[a], k[a]);
            }
            return true;
        }

        /**
         * A part outside the one-pass form ({@code 9.942062E-05}, as the headset writes small
         * numbers) as its packed digits, if it is {@code -?digits[.digits][(e|E)[+-]digits]} and
         * comes to {@code ±m / 10^k} with {@code m} in 26 bits and {@code 0 ≤ k ≤ 22}: exactly what
         * reading it gives (Clinger's fast path, as {@link #decimal}). Else {@link #NOT_PACKED}.
         */
        static int packed(String s, int from, int to) {
            int i = from;
            boolean negative = i < to && s.charAt(i) == '-';
            if (negative) {
                i++;
            }
            long m = 0;
            int digits = 0;
            int k = 0;
            boolean point = false;
            for (; i < to; i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    m = m * 10 + (c - '0');
                    digits++;
                    if (point) {
                        k++;
                    }
                    if (m > DIGITS) {
                        return NOT_PACKED;
                    }
                } else if (c == '.' && !point) {
                    point = true;
                } else {
                    break;
                }
            }
            if (digits == 0) {
                return NOT_PACKED;
            }
            if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                boolean minus = i < to && s.charAt(i) == '-';
                if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                    i++;
                }
                int e = 0;
                int start = i;
                for (; i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && e < 1000; i++) {
                    e = e * 10 + (s.charAt(i) - '0');
                }
                if (i == start) {
                    return NOT_PACKED;
                }
                k += minus ? e : -e;
            }
            return i != to || k < 0 || k > 22 ? NOT_PACKED : pack(negative, m, k);
        }

        /** {@code ±m / 10^k} in one int: the sign bit, {@code k} in bits 26–30, {@code m} below them. */
        private static int pack(boolean negative, long m, int k) {
            return (negative ? 1 << 31 : 0) | k << 26 | (int) m;
        }

        /** The {@code k} of {@link #pack}; 31 for {@link #EMPTY} (and {@link #NOT_PACKED}). */
        private static int exponent(int bits) {
            return bits >>> 26 & 31;
        }

        /** A part read as {@code ±m / 10^k} ({@code m} below 10^15, {@code k} at most 22). */
        private void put(int axis, int r, boolean negative, long m, int k) {
            double d = m / PyFloat.pow10(k); // exact-rounded (Clinger's fast path): what reading the text gives
            if (negative) {
                d = -d;
            }
            if (wide[axis] == null && m <= DIGITS) {
                packed[axis][r] = pack(negative, m, k);
                range(axis, d);
            } else {
                put(axis, r, d);
            }
        }

        /** A part that only a double holds: the axis turns wide (once) if it is not already; a half gives up. */
        private void put(int axis, int r, double d) {
            if (half) {
                gaveUp = true;
                return;
            }
            if (wide[axis] == null) {
                double[] w = new double[packed[axis].length];
                for (int i = 0; i < r; i++) {
                    w[i] = value(packed[axis][i]);
                }
                wide[axis] = w;
            }
            wide[axis][r] = d;
            range(axis, d);
        }

        private void range(int axis, double d) {
            min[axis] = Math.min(min[axis], d);
            max[axis] = Math.max(max[axis], d);
        }

        ScoringException rejected() {
            return rejected;
        }

        Scaling scaling(int axis) {
            return Scaling.of(min[axis], max[axis]);
        }

        /** Part {@code axis} of row {@code r}; NaN when the row has none. */
        double get(int axis, int r) {
            return wide[axis] != null ? wide[axis][r] : value(packed[axis][r]);
        }

        private static double value(int bits) {
            int k = exponent(bits);
            if (k == 31) {
                return Double.NaN;
            }
            double d = (bits & DIGITS) / PyFloat.pow10(k);
            return bits < 0 ? -d : d;
        }

        /** Writes part {@code axis} of row {@code r} as its repr (nothing when the row has none). */
        void append(Utf8Writer out, int axis, int r) {
            if (wide[axis] == null) {
                int bits = packed[axis][r];
                int k = exponent(bits);
                int m = bits & DIGITS;
                if (k == 31) {
                    return;
                }
                if (isRepr(m, k)) {
                    out.appendDecimal(bits < 0, m, k);
                    return;
                }
            }
            double d = get(axis, r);
            if (!Double.isNaN(d)) {
                out.appendDouble(d);
            }
        }

        /**
         * Whether {@code m / 10^k} written with exactly {@code k} digits after the point is the
         * value's repr: {@code -?(0|[1-9][0-9]*)\.[0-9]+} with no trailing zero after the point (but
         * {@code x.0}), at most 15 significant digits (here at most 8) and fewer than four zeros right
         * after the point of a number below one (where repr turns to an exponent). Such a decimal is
         * the only one of so few digits that reads as the value, so it is the shortest.
         */
        static boolean isRepr(int m, int k) {
            return k >= 1 && (k == 1 || m % 10 != 0) && (k < 4 || m >= PyFloat.longPow10(k - 4)); // k ≤ 22
        }
    }

    // ---- output ----

    /** A column of the processed file: copied from the input, or derived (seconds since the first row, events, positions). */
    private record Column(String name, Kind kind, int index, Scaling scaling) {
        enum Kind { INPUT, SECONDS, NUMBER, SCALED, EVENT, SPEND }

        static Column input(String name, int index) {
            return new Column(name, Kind.INPUT, index, null);
        }

        /** A derived column; {@code axis}: the position part of NUMBER and SCALED. */
        static Column of(String name, Kind kind, int axis, Scaling scaling) {
            return new Column(name, kind, axis, scaling);
        }
    }

    /** The written file, with what the pass over the rows found: the first and last times, the events counted. */
    private record Rows(Utf8Writer out, double first, double last, int successes, int fails) {
    }

    /** What one stretch of rows found: the first row's time, its last row's time, and its events. */
    private record Stretch(double first, double last, int successes, int fails) {
    }

    /** The columns of the processed file in their order, and which input columns are copied as one span. */
    private record Layout(Column[] cols, int[] run, CsvTable table, int headerWidth, int timeCol, int stateCol,
                          Positions positions) {
    }

    /**
     * Checks and writes every row: its width, its {@code current_time} (seconds since the first row)
     * and its State. A drop of State is a Fail (start restarts), a rise a Success (start stays); the
     * event and its {@code spend_time} are written on the row where State changed. With
     * {@code split > 0}, rows from {@code split} on are written on a helper thread (see
     * {@link #score(String, DiagnosisType, Executor)}); the first half's error, if any, is the one
     * thrown, as on one thread.
     */
    private static Rows write(List<Column> columns, CsvTable table, int headerWidth, int timeCol, int stateCol, int rows,
                              Positions positions, int sizeHint, Executor helper, int split) throws ScoringException {
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
                    && cols[c + 1].index() == cols[c].index() + 1 ? run[c + 1] + 1 : 1;
        }
        Layout layout = new Layout(cols, run, table, headerWidth, timeCol, stateCol, positions);
        if (split == 0) {
            Stretch all = write(layout, 0, rows, 0, 0, Double.NaN, out);
            return new Rows(out, all.first(), all.last(), all.successes(), all.fails());
        }
        Utf8Writer secondOut = new Utf8Writer((int) ((long) sizeHint * (rows - split) / rows));
        FutureTask<Stretch> second = new FutureTask<>(() -> writeFrom(layout, split, rows, secondOut));
        fork(helper, second);
        Stretch first;
        try {
            first = write(layout, 0, split, 0, 0, Double.NaN, out);
        } catch (ScoringException | RuntimeException | Error e) {
            second.cancel(false);
            throw e;
        }
        second.run(); // nothing, if a helper has taken it already
        Stretch rest = join(second);
        out.take(secondOut);
        return new Rows(out, first.first(), rest.last(), first.successes() + rest.successes(), first.fails() + rest.fails());
    }

    /** Offers {@code task} to {@code helper}; if refused, the caller runs it itself when it gets there. */
    private static void fork(Executor helper, FutureTask<?> task) {
        try {
            helper.execute(task);
        } catch (RejectedExecutionException e) {
            // no helper: this thread does both
        }
    }

    /** The task's result once it has run (here or on the helper), its exception as itself. */
    private static <T> T join(FutureTask<T> task) throws ScoringException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the half is running: it ends on its own
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ScoringException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Rows {@code [from, to)} after the first half: the state the first half leaves them is worked out
     * from the rows before {@code from} — the first row's time, the time of the last Fail before
     * {@code from} (or of the first row), and the State just before. If one of those rows is broken,
     * the first half throws and this half's result is dropped.
     */
    private static Stretch writeFrom(Layout l, int from, int to, Utf8Writer out) throws ScoringException {
        CsvTimestamp.Sequence times = new CsvTimestamp.Sequence();
        double first = time(l.table(), 1, l.timeCol(), times);
        double start = first;
        double later = state(l.table(), from, l.stateCol()); // the record of data row from - 1
        double prevState = later;
        for (int rec = from - 1; rec >= 1; rec--) { // later: record rec + 1's State, earlier: record rec's
            double earlier = state(l.table(), rec, l.stateCol());
            if (changed(earlier, later) && later < earlier) {
                start = time(l.table(), rec + 1, l.timeCol(), times); // the last Fail before from
                break;
            }
            later = earlier;
        }
        return write(l, from, to, first, start, prevState, out);
    }

    /** Record {@code rec}'s current_time in seconds, or NaN (missing or not a time). */
    private static double time(CsvTable table, int rec, int timeCol, CsvTimestamp.Sequence times) {
        return table.missing(rec, timeCol) ? Double.NaN : presentTime(table, rec, timeCol, times);
    }

    /** The current_time of record {@code rec}, which has one, in seconds; NaN if it is not a time. */
    private static double presentTime(CsvTable table, int rec, int timeCol, CsvTimestamp.Sequence times) {
        return table.quoted(rec, timeCol) ? CsvTimestamp.seconds(table.raw(rec, timeCol))
                : times.seconds(table.text(), table.start(rec, timeCol), table.end(rec, timeCol));
    }

    /** Whether State moved from {@code before} to {@code now} (an event: a Fail if it dropped, else a Success). */
    private static boolean changed(double before, double now) {
        return !Double.isNaN(before) && !Double.isNaN(now) && now != before;
    }

    /** Record {@code rec}'s State, or NaN (missing or not a number). */
    private static double state(CsvTable table, int rec, int stateCol) {
        return table.missing(rec, stateCol) ? Double.NaN : number(table, rec, stateCol);
    }

    /**
     * Data rows {@code [from, to)} into {@code out}: {@code first} is the first row's time, {@code start}
     * the time the current attempt started and {@code prevState} the State of the row before
     * {@code from} (all ignored when {@code from} is 0).
     */
    private static Stretch write(Layout l, int from, int to, double first, double start, double prevState, Utf8Writer out)
            throws ScoringException {
        Column[] cols = l.cols();
        int[] run = l.run();
        CsvTable table = l.table();
        int timeCol = l.timeCol();
        int stateCol = l.stateCol();
        Positions positions = l.positions();
        double t = 0;
        int successes = 0;
        int fails = 0;
        CsvTimestamp.Sequence times = new CsvTimestamp.Sequence();
        for (int r = from; r < to; r++) {
            int rec = r + 1;
            int width = table.width(rec);
            if (width > l.headerWidth()) {
                throw new ScoringException(where(r) + "has " + width + " fields but the header has " + l.headerWidth());
            }
            if (table.missing(rec, timeCol)) {
                throw new ScoringException(where(r) + "has no current_time");
            }
            t = presentTime(table, rec, timeCol, times);
            if (Double.isNaN(t)) {
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
            int event = 0; // 1: Success, 2: Fail
            double spent = 0;
            if (r == 0) {
                first = t;
                start = t;
            } else if (changed(prevState, state)) {
                spent = t - start;
                if (state < prevState) {
                    event = 2;
                    fails++;
                    start = t;
                } else {
                    event = 1;
                    successes++;
                }
            }
            prevState = state;
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    out.append(',');
                }
                Column col = cols[c];
                switch (col.kind()) {
                    case INPUT -> {
                        if (run[c] > 1 && table.appendSpan(out, rec, col.index(), col.index() + run[c] - 1)) {
                            c += run[c] - 1;
                        } else {
                            table.appendCell(out, rec, col.index());
                        }
                    }
                    case SECONDS -> out.appendDouble(t - first);
                    case NUMBER -> positions.append(out, col.index(), r);
                    case SCALED -> {
                        double v = positions.get(col.index(), r);
                        if (!Double.isNaN(v)) {
                            out.appendDouble(col.scaling().apply(v));
                        }
                    }
                    case EVENT -> {
                        if (event != 0) {
                            String e = event == 2 ? "Fail" : "Success";
                            out.appendAscii(e, 0, e.length());
                        }
                    }
                    case SPEND -> {
                        if (event != 0) {
                            out.appendDouble(spent);
                            out.appendAscii("ms", 0, 2);
                        }
                    }
                }
            }
            out.append('\n');
        }
        return new Stretch(first, t, successes, fails);
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
