package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The scorer's own splitter reads every input as commons-csv does, and refuses what it refuses. */
class CsvTableTest {

    private static final CSVFormat COMMONS = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    /** commons-csv's records, or null if it refuses the text. */
    private static List<List<String>> commons(String in) {
        try {
            return COMMONS.parse(new StringReader(in)).getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private static List<List<String>> ours(String in) throws ScoringException {
        CsvTable table = CsvTable.of(in);
        return IntStream.range(0, table.size()).mapToObj(r -> List.of(table.row(r))).toList();
    }

    private static void same(String in) {
        List<List<String>> expected = commons(in);
        if (expected == null) {
            ScoringException e = assertThrows(ScoringException.class, () -> CsvTable.of(in), () -> "commons-csv refuses " + show(in));
            assertTrue(e.getMessage().startsWith("the CSV is malformed"), e.getMessage());
            return;
        }
        try {
            assertEquals(expected, ours(in), () -> show(in));
            CsvTable table = CsvTable.of(in);
            for (int r = 0; r < table.size(); r++) {
                for (int c = 0; c <= table.width(r); c++) { // one past the end too
                    int col = c;
                    assertEquals(table.cell(r, c).isEmpty(), table.missing(r, c), () -> show(in) + " record " + col);
                }
            }
        } catch (ScoringException e) {
            throw new AssertionError("refused " + show(in) + ": " + e.getMessage());
        }
    }

    private static String show(String in) {
        return "'" + in.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }

    @Test
    void everyFixtureReadsTheSame() throws Exception {
        try (var files = Files.list(SyntheticResults.fixtures())) {
            for (var f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                same(Files.readString(f));
            }
        }
    }

    @Test
    void edgeCasesReadTheSame() {
        for (String in : List.of(
                "a,b,c\r\n1,2,3\r\n\r\n4,,6\n7\r8,9\n,\n x , y \n", "h\n\n\nv\n", "only-header", "a,b\n1,2,3,4\n5\n", "",
                "\n\n", ",", "a,\"b,c\",d\n", "\"x\"\"y\",z\n", "\"multi\nline\",2\r\n3,4", "\"\"\n\"\",\"\"\n",
                "a\"b,c\n", "\"(0.1, 2, 3)\",7\r\n", "\"unterminated\n", "\"closed\"x,1\n", "\"a\" ,b\n", " \"a\",b\n",
                "\"a\"\r\n\r\n\"b\"", "x,\"\"", "\"\"\"\"", "a,b\r", "\"CR\rinside\"\r\nnext",
                "\"NA\",\"N\"\"A\",\"\"\"\",\" NA\",\"nan\" ,\"None\",\"<NA>\",\"#N/A N/A\"\n")) {
            same(in);
        }
    }

    @Test
    void randomTextReadsTheSame() {
        Random random = new Random(4180);
        char[] alphabet = {'a', '1', ',', '"', '\n', '\r', ' ', '.', '가'};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            same(sb.toString());
        }
    }

    @Test
    void positionsOfCellsPointIntoTheText() throws Exception {
        CsvTable t = CsvTable.of("a,\"b,c\"\r\nNA,x\n");
        assertEquals("\"b,c\"", t.text().substring(t.start(0, 1), t.end(0, 1)));
        assertTrue(t.quoted(0, 1));
        assertTrue(t.missing(1, 0), "NA is missing");
        assertTrue(t.missing(1, 5), "past the row's end is missing");
        Utf8Writer out = new Utf8Writer(16);
        t.appendCell(out, 0, 1);
        t.appendCell(out, 1, 0);
        t.appendCell(out, 1, 1);
        assertEquals("\"b,c\"x", out.toString());
        List<String> seen = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            seen.add(String.join("|", t.row(r)));
        }
        assertEquals(List.of("a|b,c", "NA|x"), seen);
    }

    @Test
    void aMalformedFileIsReportedWithTheLineAnEditorShows() {
        // LF, CRLF and a lone CR each end a line, inside a quoted field too; empty lines count
        String afterQuote = "a,b\r\n\"x\ny\",2\r\n\r\n\"z\"q,3\r\n";
        assertTrue(assertThrows(ScoringException.class, () -> CsvTable.of(afterQuote)).getMessage()
                .contains("line 5 has text after the closing quote"));
        String neverClosed = "a\rb\n\n1,\"open\n2\n";
        assertTrue(assertThrows(ScoringException.class, () -> CsvTable.of(neverClosed)).getMessage()
                .contains("starts on line 4 is never closed"));
    }

    /** Rows of the header's width need no per-row cell index; one row of another width brings it back for all. */
    @Test
    void aRowOfAnotherWidthAnywhereIsReadAsWritten() throws Exception {
        for (String odd : List.of("1\n", "1,2,3,4\n", "\"q\"\n")) {
            for (int at : new int[] {0, 1, 50, 99}) {
                StringBuilder text = new StringBuilder("h1,h2,h3\r\n");
                List<String> expected = new ArrayList<>(List.of("h1|h2|h3"));
                for (int r = 0; r < 100; r++) {
                    String row = r == at ? odd : r + ",b" + r + ",\"c,\"\"" + r + "\"\n";
                    text.append(row);
                    expected.add(r == at ? odd.strip().replace("\"", "").replace(",", "|") : r + "|b" + r + "|c,\"" + r);
                }
                CsvTable t = CsvTable.of(text.toString());
                List<String> seen = new ArrayList<>();
                for (int r = 0; r < t.size(); r++) {
                    seen.add(String.join("|", t.row(r)));
                    assertEquals(t.row(r).length, t.width(r));
                }
                assertEquals(expected, seen, odd + " at " + at);
            }
        }
    }

    @Test
    void rowsShorterOrLongerThanTheSampleSuggestsStillReadTheSame() {
        // the index arrays are sized from the first 64 Ki characters: here they say "few long
        // rows" and then "many short ones" follow (so they grow), or the other way round
        String longRows = ("x".repeat(9_000) + ",\"(1, 2, 3)\"\r\n").repeat(8);
        String shortRows = "a,b,,\"c\"\n".repeat(30_000);
        same(longRows + shortRows);
        same(shortRows + longRows);
        CsvTable.Estimate guess = CsvTable.estimate(shortRows);
        assertTrue(guess.cells() >= 120_000 && guess.cells() < 130_000 + 1024, "cells " + guess.cells());
        assertTrue(guess.records() >= 30_000 && guess.records() < 32_500 + 256, "records " + guess.records());
    }

    @Test
    void recordsAtAndPastTheNarrowIndexReadTheSame() throws Exception {
        // cells' ends are kept as 15-bit offsets from their record's start; a longer record sends the
        // whole file to the wide index, on either side of the limit the cells are the same
        int limit = CsvTable.NARROW_RECORD;
        String head = "a,b,c\r\n";
        for (int length : new int[] {limit - 2, limit - 1, limit, limit + 1, 3 * limit}) {
            same(head + "1,2,3\r\n" + "x".repeat(length) + ",\"q,\" ,z\r\n4,5,6\r\n");
            same(head + "\"" + "y".repeat(length) + "\",,\"(1, 2, 3)\"\r\n7,8,9\r\n");
        }
        // and where each cell stands, in a file sent to the wide index by its record's last cell
        String text = head + "x".repeat(limit - 3) + ",\"ab\",z\n1,2,3\n";
        CsvTable t = CsvTable.of(text);
        int record = text.indexOf('x');
        assertTrue(t.quoted(1, 1));
        assertEquals("\"ab\"", text.substring(t.start(1, 1), t.end(1, 1)));
        assertEquals("z", text.substring(t.start(1, 2), t.end(1, 2)));
        assertTrue(t.end(1, 2) - record > limit, "the record runs past the narrow limit");
        assertEquals("1", text.substring(t.start(2, 0), t.end(2, 0)));
    }
}
