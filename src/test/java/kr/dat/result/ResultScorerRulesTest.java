package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import kr.dat.diagnosis.DiagnosisType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Hand-made cases, one per rule of docs/scoring.md. */
class ResultScorerRulesTest {

    private static final String H = "current_time,State,Score\n";

    private static List<CSVRecord> rows(ScoredResult r) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.processedCsv())).getRecords();
    }

    private static ScoredResult bb(String csv) throws ScoringException {
        return ResultScorer.score(csv, DiagnosisType.BALANCEBALL);
    }

    @Test
    void failRestartsTheClockAndSuccessDoesNot() throws Exception {
        ScoredResult r = bb(H
                + "2025-01-01 10:00:00.0,0,0\n"
                + "2025-01-01 10:00:01.0,1,1\n"   // Success, 1 s after start
                + "2025-01-01 10:00:03.0,2,2\n"   // Success, 3 s after start (not reset)
                + "2025-01-01 10:00:04.0,0,2\n"   // Fail, 4 s after start, start := 4
                + "2025-01-01 10:00:06.5,1,3\n"); // Success, 2.5 s after the fail
        List<CSVRecord> out = rows(r);
        assertEquals(List.of("", "Success", "Success", "Fail", "Success"), out.stream().map(x -> x.get("event")).toList());
        assertEquals(List.of("", "1.0ms", "3.0ms", "4.0ms", "2.5ms"), out.stream().map(x -> x.get("spend_time")).toList());
        assertEquals(3, r.successEvents());
        assertEquals(1, r.failEvents());
        assertEquals(3.0, r.score());
        assertEquals(6.5, r.timeSpent());
        assertEquals(5 / 6.5, r.fps());
    }

    @Test
    void equalOrMissingStateMakesNoEvent() throws Exception {
        ScoredResult r = bb(H
                + "2025-01-01 10:00:00.0,1,0\n"
                + "2025-01-01 10:00:01.0,1,0\n"
                + "2025-01-01 10:00:02.0,NA,0\n"
                + "2025-01-01 10:00:03.0,5,0\n"
                + "2025-01-01 10:00:04.0,,0\n");
        assertEquals(0, r.successEvents() + r.failEvents());
    }

    @Test
    void timeMayGoBackwardsInsideButNotOverall() throws Exception {
        ScoredResult r = bb(H
                + "2025-01-01 10:00:05.0,0,0\n"
                + "2025-01-01 10:00:01.0,0,0\n"
                + "2025-01-01 10:00:06.0,0,7\n");
        assertEquals("-4.0", rows(r).get(1).get("time (second)"));
        ScoringException e = assertThrows(ScoringException.class, () -> bb(H
                + "2025-01-01 10:00:05.0,0,0\n"
                + "2025-01-01 10:00:01.0,0,0\n"));
        assertTrue(e.getMessage().contains("time_spent"), e.getMessage());
    }

    @Test
    void timestampsAcceptShortFieldsFractionsAndSpaces() throws Exception {
        ScoredResult r = bb(H
                + "2025-1-2 3:4:5.3,0,0\n"
                + "2025-01-02   03:04:06.300001,0,1\n");
        // epoch seconds carry binary noise of about 1e-7 s (docs/scoring.md, "Reading the file"): compare at that precision
        assertEquals(1.000001, r.timeSpent(), 1e-6);
        for (String bad : List.of("2025-01-02T03:04:05.3", "2025-01-02 03:04:05", "2025-13-02 03:04:05.1",
                "2025-02-30 03:04:05.1", "2025-01-02 03:04:05.1234567", "yesterday")) {
            ScoringException e = assertThrows(ScoringException.class, () -> bb(H + bad + ",0,0\n2025-01-02 03:04:09.0,0,0\n"), bad);
            assertTrue(e.getMessage().contains("data row 1"), e.getMessage());
        }
    }

    @Test
    void rejections() {
        assertThrows(ScoringException.class, () -> bb(""));
        assertThrows(ScoringException.class, () -> bb("\n\n"));
        assertThrows(ScoringException.class, () -> bb(H));
        assertTrue(assertThrows(ScoringException.class, () -> bb("current_time,Score\n2025-01-01 10:00:00.0,1\n"))
                .getMessage().contains("'State'"));
        assertTrue(assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0\n2025-01-01 10:00:01.0,x,0\n"))
                .getMessage().contains("data row 2"));
        assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0\n2025-01-01 10:00:01.0,0,abc\n"));
        assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0\n2025-01-01 10:00:01.0,0,\n"));
        assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0\n,0,1\n"));
        assertTrue(assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0,9\n2025-01-01 10:00:01.0,0,0\n"))
                .getMessage().contains("4 fields"));
        assertThrows(ScoringException.class, () -> bb(H + "2025-01-01 10:00:00.0,0,0\n"));
    }

    @Test
    void inputVariantsAreRead() throws Exception {
        String lines = "\uFEFFcurrent_time,State,Score,Note,time_in_seconds,event\r"
                + "2025-01-01 10:00:00.0,0,0,\"a, \"\"quoted\"\" note\",1,old\r\n"
                + "\n"
                + "2025-01-01 10:00:02.0,1,N/A\n"              // short row: padded
                + "2025-01-01 10:00:04.0,1,5,None\n";
        ScoredResult r = bb(lines);
        assertTrue(r.processedCsv().startsWith("Note,Score,State,current_time,event,spend_time,time (second)\n"),
                r.processedCsv());
        List<CSVRecord> out = rows(r);
        assertEquals("a, \"quoted\" note", out.get(0).get("Note"));
        assertTrue(r.processedCsv().contains("\"a, \"\"quoted\"\" note\""));
        assertEquals("", out.get(1).get("Score"), "missing-value tokens are written empty");
        assertEquals("", out.get(0).get("event"), "an input event column is replaced");
        assertEquals(3, out.size());
        assertEquals(4.0, r.timeSpent());
    }

    @Test
    void positionPartsAreWrittenAsTheirReprWhetherCopiedOrFormatted() throws Exception {
        // parts that already read as their repr are copied from the upload, the others formatted:
        // in the one-pass form, in groups that only the general search reads (more than 15 digits,
        // exponents, a group after other text, a cell with an escaped quote), and in parts too long to copy
        String longPart = "1." + "5".repeat(300);
        List<String> cells = List.of("(0.2488537, 1.16324, 0.2820096)", "(0.12345678901234567, 1.5, 0.0001)",
                "(1e-3, -2.50, 00.25)", "at (0.5, 0.75, 1.0)", "(0.5, 0.75, 1.0) \"\"m\"\"", "(" + longPart + ", 0.5, 2.0)",
                "(-0.0, 10.0, 0.00001)", "(" + "0".repeat(300) + "1.5, 0.5, 2.0)");
        StringBuilder csv = new StringBuilder("current_time,State,Score,Position\r\n");
        for (int i = 0; i < cells.size(); i++) {
            csv.append("2025-01-01 10:00:0").append(i).append(".0,0,0,\"").append(cells.get(i)).append("\"\r\n");
        }
        List<CSVRecord> out = rows(ResultScorer.score(csv.toString(), DiagnosisType.TENNISBALL));
        for (int i = 0; i < cells.size(); i++) {
            String group = cells.get(i).substring(cells.get(i).indexOf('(') + 1, cells.get(i).indexOf(')'));
            String[] parts = group.split(", ");
            for (int a = 0; a < 3; a++) {
                assertEquals(PyFloat.repr(Double.parseDouble(parts[a])), out.get(i).get("Position_" + "XYZ".charAt(a)),
                        cells.get(i) + " part " + a);
            }
        }
    }

    @Test
    void tennisballPositionsAreSplitThenScaled() throws Exception {
        String csv = "current_time,State,Score,Position\n"
                + "2025-01-01 10:00:00.0,0,0,\"(1, 10, -1)\"\n"
                + "2025-01-01 10:00:01.0,0,0,\"pos: ( 3 , 20, -1) m\"\n"
                + "2025-01-01 10:00:02.0,0,0,\n"
                + "2025-01-01 10:00:03.0,0,1,\"(2, 30, -1)\"\n";
        ScoredResult r = ResultScorer.score(csv, DiagnosisType.TENNISBALL);
        List<CSVRecord> out = rows(r);
        assertEquals(List.of("1.0", "3.0", "", "2.0"), out.stream().map(x -> x.get("Position_X")).toList());
        assertEquals(List.of("0.0", "1.0", "", "0.5"), out.stream().map(x -> x.get("Scaled_Position_X")).toList());
        assertEquals(List.of("0.0", "0.5", "", "1.0"), out.stream().map(x -> x.get("Scaled_Position_Y")).toList());
        assertEquals(List.of("0.0", "0.0", "", "0.0"), out.stream().map(x -> x.get("Scaled_Position_Z")).toList(),
                "a constant column scales to 0.0");
        assertTrue(!r.processedCsv().startsWith("Position,") && !r.processedCsv().contains(",Position,"));

        assertThrows(ScoringException.class, () -> ResultScorer.score(csv.replace("(2, 30, -1)", "(2, abc, -1)"),
                DiagnosisType.TENNISBALL));
        assertThrows(ScoringException.class, () -> ResultScorer.score(csv.replace("(2, 30, -1)", "(2, inf, -1)"),
                DiagnosisType.TENNISBALL));
        assertThrows(ScoringException.class, () -> ResultScorer.score(
                "current_time,State,Score,Position\n2025-01-01 10:00:00.0,0,0,x\n2025-01-01 10:00:01.0,0,0,y\n",
                DiagnosisType.TENNISBALL));
        assertThrows(ScoringException.class, () -> ResultScorer.score(H + "2025-01-01 10:00:00.0,0,0\n2025-01-01 10:00:01.0,0,0\n",
                DiagnosisType.TENNISBALL), "TENNISBALL needs Position");
    }

    @Test
    void everyChangeOfStateInALongFileIsAnEvent() throws Exception {
        // 1,200 alternating changes, 0.25 s apart: more than the event list starts with, and
        // each one's time is exact (no rounding can hide a wrong start)
        StringBuilder csv = new StringBuilder(H);
        java.time.LocalDateTime t0 = java.time.LocalDateTime.of(2025, 1, 1, 10, 0);
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
        int rows = 1_201;
        for (int r = 0; r < rows; r++) {
            csv.append(t0.plusNanos(250_000_000L * r).format(f)).append(',').append(r % 2).append(",0\n");
        }
        ScoredResult result = bb(csv.toString());
        List<CSVRecord> out = rows(result);
        assertEquals(rows, out.size());
        assertEquals("", out.get(0).get("event"));
        for (int r = 1; r < rows; r++) {
            boolean rise = r % 2 == 1; // 0 -> 1 is a Success 0.25 s after the last Fail; 1 -> 0 a Fail 0.5 s after it
            assertEquals(rise ? "Success" : "Fail", out.get(r).get("event"), "row " + r);
            assertEquals(rise ? "0.25ms" : "0.5ms", out.get(r).get("spend_time"), "row " + r);
        }
        assertEquals(600, result.successEvents());
        assertEquals(600, result.failEvents());
    }

    @Test
    void scalingMatchesScikitLearnArithmetic() {
        // expected doubles as Python prints them for x * scale + offset (MinMaxScaler's two
        // rounded steps): the maximum is not exactly 1
        double[] x = {0.1, 7.77, 3.935, Double.NaN};
        ResultScorer.Scaling s = ResultScorer.Scaling.of(0.1, 7.77);
        assertEquals(0.0, s.apply(x[0]));
        assertEquals(0.9999999999999999, s.apply(x[1]));
        assertEquals(0.5, s.apply(x[2]));
        assertTrue(Double.isNaN(s.apply(x[3])), "an empty cell stays empty");
    }

    @Test
    void decimalsReadInPlaceAreExactlyWhatParseDoubleReads() {
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(4) == 0) {
                sb.append(r.nextBoolean() ? '-' : '+');
            }
            for (int d = r.nextInt(12); d >= 0; d--) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                sb.append('.');
                for (int d = r.nextInt(25); d > 0; d--) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
            String s = sb.toString();
            String framed = "(" + s + ")"; // read from the middle of a longer text, as positions are
            double expected = Double.parseDouble(s);
            assertEquals(expected, ResultScorer.decimal(framed, 1, framed.length() - 1), s);
        }
        assertEquals(Double.NaN, ResultScorer.decimal("1e5x", 0, 4));
        assertEquals(150000.0, ResultScorer.decimal(" 1.5e5", 0, 6), "anything else goes the general way");
    }

    @Test
    void epochDaysAreWhatLocalDateSays() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1, 1, 1); d.getYear() < 10_000; d = d.plusDays(7)) {
            assertEquals(d.toEpochDay(), CsvTimestamp.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), d::toString);
            assertEquals(d.lengthOfMonth(), CsvTimestamp.lengthOfMonth(d.getYear(), d.getMonthValue()), d::toString);
        }
        assertEquals(Long.MIN_VALUE, CsvTimestamp.micros("2025-02-29 10:00:00.0"), "not a leap year");
        assertEquals(Long.MIN_VALUE, CsvTimestamp.micros("2025-13-01 10:00:00.0"));
        assertEquals(Long.MIN_VALUE, CsvTimestamp.micros("2025-04-31 10:00:00.0"));
        assertEquals(java.time.LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000_000L + 36_000_000_000L,
                CsvTimestamp.micros("2024-02-29 10:00:00.0"));
    }

    /**
     * A file's times read in sequence (only the seconds when the text up to them repeats) read
     * exactly as each one alone: against java.time for valid ones, NaN for broken ones, whatever
     * came before.
     */
    @Test
    void timesReadInSequenceAreTheTimesReadAlone() {
        java.util.Random r = new java.util.Random(9);
        String[] prefixes = {"2025-03-15 16:02:", "2025-03-15 16:03:", "2025-3-5 6:2:", "2025-03-15  16:02:", "2024-02-29 23:59:",
            "2025-02-29 10:00:", "2025-03-15 24:00:", "2025-03-15 16:60:"};
        String[] rests = {"55.048", "5.1", "59.999999", "00.0", "60.0", "7.", "8.1234567", "9.5x", ".5", "123.4", "1.25"};
        StringBuilder text = new StringBuilder();
        List<int[]> cells = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String t = prefixes[r.nextInt(r.nextInt(4) == 0 ? prefixes.length : 2)] + rests[r.nextInt(r.nextInt(4) == 0 ? rests.length : 4)];
            text.append(',');
            cells.add(new int[] {text.length(), text.length() + t.length()});
            text.append(t);
        }
        String all = text.toString();
        CsvTimestamp.Sequence times = new CsvTimestamp.Sequence();
        int valid = 0;
        for (int[] c : cells) {
            String one = all.substring(c[0], c[1]);
            double alone = CsvTimestamp.seconds(one);
            assertEquals(alone, times.seconds(all, c[0], c[1]), one);
            java.time.LocalDateTime parsed = null;
            try {
                if (!one.matches("\\d{4}-\\d{1,2}-\\d{1,2} +\\d{1,2}:\\d{1,2}:\\d{1,2}\\.\\d{1,6}")) {
                    throw new java.time.format.DateTimeParseException("not the format", one, 0);
                }
                parsed = java.time.LocalDateTime.parse(one.replaceAll(" +", " "),
                        java.time.format.DateTimeFormatter.ofPattern("uuuu-M-d H:m:s.[SSSSSS][SSSSS][SSSS][SSS][SS][S]")
                                .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (java.time.format.DateTimeParseException e) {
                assertTrue(Double.isNaN(alone), one);
            }
            if (parsed != null) {
                valid++;
                java.time.Instant instant = parsed.toInstant(java.time.ZoneOffset.UTC);
                assertEquals((instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000) / 1e6, alone, one);
            }
        }
        assertTrue(valid > 10_000, "valid " + valid);
    }

    /** Positions copied as written must be exactly their repr; all others are formatted to it. */
    @Test
    void positionCellsAreAlwaysTheReprOfTheirNumber() throws Exception {
        java.util.Random r = new java.util.Random(5);
        String[] shapes = {"0.0", "-0.0", "0.5", "-0.000123", "0.0001234", "0.00001234", "1.50", "007.5", "12.0", "10.25",
            "123456789012345.0", "1.23456789012345", "0.1234567890123456", "5", "9.942062E-05", "-7.135149E-07", "1.5E+02",
            "2e3", "12.5e-1", "-0.0E0"};
        StringBuilder csv = new StringBuilder("current_time,State,Score,Position\r\n");
        List<String> parts = new java.util.ArrayList<>();
        for (int row = 0; row < 2000; row++) {
            String[] p = new String[3];
            for (int a = 0; a < 3; a++) {
                p[a] = r.nextBoolean() ? shapes[r.nextInt(shapes.length)]
                        : (r.nextBoolean() ? "-" : "") + r.nextInt(100) + "." + (r.nextInt(1000) * (r.nextBoolean() ? 10 : 1));
                parts.add(p[a]);
            }
            csv.append(String.format(java.util.Locale.ROOT, "2025-01-01 10:%02d:%02d.%03d,0,0,\"(%s, %s, %s)\"\r\n",
                    row / 3600 % 60, row / 60 % 60, row % 1000, p[0], p[1], p[2]));
        }
        ScoredResult out = ResultScorer.score(csv.toString(), kr.dat.diagnosis.DiagnosisType.TENNISBALL);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(out.processedCsv())).getRecords();
        List<String> header = rows.get(0).toList();
        // the scaling, computed here from the parts as read (some axes hold digits, some turn to doubles part-way)
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < parts.size(); i++) {
            min[i % 3] = Math.min(min[i % 3], Double.parseDouble(parts.get(i)));
            max[i % 3] = Math.max(max[i % 3], Double.parseDouble(parts.get(i)));
        }
        int k = 0;
        for (CSVRecord row : rows.subList(1, rows.size())) {
            for (int a = 0; a < 3; a++) {
                String part = parts.get(k++);
                String axis = "XYZ".substring(a, a + 1);
                assertEquals(PyFloat.repr(Double.parseDouble(part)), row.get(header.indexOf("Position_" + axis)), part);
                double scale = 1.0 / (max[a] - min[a]);
                assertEquals(Double.parseDouble(part) * scale + -(min[a] * scale),
                        Double.parseDouble(row.get(header.indexOf("Scaled_Position_" + axis))), part);
            }
        }
    }
}
