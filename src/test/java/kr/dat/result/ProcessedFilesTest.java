package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import kr.dat.diagnosis.DiagnosisType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our processed file says what the old server's said, cell by cell. */
class ProcessedFilesTest {

    @ParameterizedTest
    @CsvSource({
        "balanceball_level1_sample, BALANCEBALL",
        "fitbox_level1_synth, FITBOX",
        "tennisball_level2_synth, TENNISBALL"})
    void everyCellMatchesWhatTheOldServerWrote(String name, DiagnosisType type) throws Exception {
        String input = Files.readString(ResultScorerFixturesTest.fixtures().resolve(name + ".csv"), StandardCharsets.UTF_8);
        String theirs = Files.readString(ResultScorerFixturesTest.fixtures().resolve(name + ".processed.csv"), StandardCharsets.UTF_8);
        List<CSVRecord> expected = CSVFormat.DEFAULT.parse(new StringReader(theirs)).getRecords();
        List<CSVRecord> actual = CSVFormat.DEFAULT.parse(new StringReader(ResultScorer.score(input, type).processedCsv())).getRecords();

        assertEquals(expected.get(0).toList(), actual.get(0).toList(), "header");
        assertEquals(expected.size(), actual.size(), "rows");
        int numeric = 0;
        for (int row = 1; row < expected.size(); row++) {
            List<String> want = expected.get(row).toList();
            List<String> got = actual.get(row).toList();
            assertEquals(want.size(), got.size(), "cells in row " + row);
            for (int col = 0; col < want.size(); col++) {
                String where = name + " row " + row + ", " + expected.get(0).get(col);
                Double w = number(want.get(col));
                if (w == null) {
                    assertEquals(want.get(col), got.get(col), where);
                } else {
                    assertEquals(w, number(got.get(col)), where + ": " + want.get(col) + " vs " + got.get(col));
                    numeric++;
                }
            }
        }
        assertEquals(true, numeric > expected.size(), "numbers were compared as numbers");
    }

    /** A cell Python would have written as a float or int, else null (text, empty). */
    private static Double number(String cell) {
        if (cell.isEmpty() || !(Character.isDigit(cell.charAt(cell.length() - 1)))) {
            return null;
        }
        try {
            return Double.valueOf(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
