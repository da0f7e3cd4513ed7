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
 * processed file, without its crashes): split it with {@link CsvTable} (one pass over quote-free
 * files, commons-csv for quoted ones), derive {@code time (second)},
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
        double[] state = new double[rows];
        for (int r = 0; r < rows; r++) {
            int width = table.width(r + 1);
            if (width > header.length) {
                throw new ScoringException(where(r) + "has " + width + " fields but the header has " + header.length);
            }
            String time = table.cell(r + 1, timeCol);
            if (time.isEmpty()) {
                throw new ScoringException(where(r) + "has no current_time");
            }
            t[r] = CsvTimestamp.seconds(time);
            if (Double.isNaN(t[r])) {
                throw new ScoringException(where(r) + "current_time '" + abbreviate(time)
                        + "' is not a time like 2025-01-24 14:24:44.905");
            }
            String s = table.cell(r + 1, stateCol);
            if (s.isEmpty()) {
                state[r] = Double.NaN;
            } else {
                state[r] = number(s);
                if (Double.isNaN(state[r])) {
                    throw new ScoringException(where(r) + "State '" + abbreviate(s) + "' is not a number");
                }
            }
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

        // events: a drop of State is a Fail (start restarts), a rise a Success (start stays)
        String[] event = new String[rows];
        String[] spend = new String[rows];
        int success = 0;
        int fail = 0;
        double start = t[0];
        for (int r = 1; r < rows; r++) {
            double prev = state[r - 1];
            double cur = state[r];
            if (Double.isNaN(prev) || Double.isNaN(cur) || cur == prev) {
                continue;
            }
            StringBuilder sb = new StringBuilder(24);
            PyFloat.append(sb, t[r] - start);
            spend[r] = sb.append("ms").toString();
            if (cur < prev) {
                event[r] = "Fail";
                fail++;
                start = t[r];
            } else {
                event[r] = "Success";
                success++;
            }
        }

        List<Column> columns = new ArrayList<>();
        Set<String> derived = new HashSet<>(List.of(TIME_SECONDS, EVENT, SPEND_TIME, "time_in_seconds"));
        double[][] positions = null;
        if (tennis) {
            positions = positions(table, positionCol, rows);
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
        double[] t0 = t;
        double first = t[0];
        columns.add(Column.computed(TIME_SECONDS, (r, out) -> PyFloat.append(out, t0[r] - first)));
        columns.add(Column.computed(EVENT, (r, out) -> CsvTable.appendEscaped(out, event[r])));
        columns.add(Column.computed(SPEND_TIME, (r, out) -> CsvTable.appendEscaped(out, spend[r])));
        if (tennis) {
            for (int a = 0; a < 3; a++) {
                double[] raw = positions[a];
                double[] scaled = scale(raw);
                columns.add(Column.computed("Position_" + AXES[a], (r, out) -> appendNumber(out, raw[r])));
                columns.add(Column.computed("Scaled_Position_" + AXES[a], (r, out) -> appendNumber(out, scaled[r])));
            }
        }
        columns.sort(Comparator.comparing(Column::name, ResultScorer::compareCodePoints));

        String processed = write(columns, table, rows, text.length());
        return new ScoredResult(processed, score, timeSpent, rows / timeSpent, rows, success, fail);
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
    private static double[][] positions(CsvTable table, int col, int rows) throws ScoringException {
        double[][] p = new double[3][rows];
        boolean any = false;
        for (int r = 0; r < rows; r++) {
            String v = table.cell(r + 1, col);
            int open = v.indexOf('(');
            int[] parts = null;
            while (open >= 0 && parts == null) {
                parts = triple(v, open);
                if (parts == null) {
                    open = v.indexOf('(', open + 1);
                }
            }
            if (parts == null) {
                for (int a = 0; a < 3; a++) {
                    p[a][r] = Double.NaN;
                }
                continue;
            }
            for (int a = 0; a < 3; a++) {
                String part = v.substring(parts[2 * a], parts[2 * a + 1]);
                double d = number(part);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new ScoringException(where(r) + "Position part '" + abbreviate(part.strip()) + "' is not a finite number");
                }
                p[a][r] = d;
            }
            any = true;
        }
        if (!any) {
            throw new ScoringException("the Position column has no value like (x, y, z)");
        }
        return p;
    }

    /** Bounds of the three parts of {@code (a, b, c)} starting at {@code open}: parts separated by ", ". */
    private static int[] triple(String v, int open) {
        int close = v.indexOf(')', open);
        if (close < 0) {
            return null;
        }
        int[] bounds = new int[6];
        int from = open + 1;
        for (int a = 0; a < 3; a++) {
            int to;
            if (a < 2) {
                to = v.indexOf(", ", from);
                if (to < 0 || to > close) {
                    return null;
                }
            } else {
                to = close;
            }
            if (to == from || v.substring(from, to).indexOf(',') >= 0) {
                return null;
            }
            bounds[2 * a] = from;
            bounds[2 * a + 1] = to;
            from = to + 2;
        }
        return bounds;
    }

    /** Min-max scaling over the non-empty values: {@code x * scale + offset}, as scikit-learn does it. */
    static double[] scale(double[] x) {
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
        double offset = -(min * scale);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.isNaN(x[i]) ? Double.NaN : x[i] * scale + offset;
        }
        return out;
    }

    // ---- output ----

    private interface CellWriter {
        void write(int row, StringBuilder out);
    }

    private record Column(String name, int inputIndex, CellWriter writer) {
        static Column input(String name, int index) {
            return new Column(name, index, null);
        }

        static Column computed(String name, CellWriter writer) {
            return new Column(name, -1, writer);
        }
    }

    private static String write(List<Column> columns, CsvTable table, int rows, int sizeHint) {
        StringBuilder out = new StringBuilder(sizeHint + sizeHint / 2 + 1024);
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            CsvTable.appendEscaped(out, columns.get(c).name());
        }
        out.append('\n');
        Column[] cols = columns.toArray(new Column[0]);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    out.append(',');
                }
                Column col = cols[c];
                if (col.writer() != null) {
                    col.writer().write(r, out);
                } else {
                    table.appendCell(out, r + 1, col.inputIndex());
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void appendNumber(StringBuilder out, double d) {
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
