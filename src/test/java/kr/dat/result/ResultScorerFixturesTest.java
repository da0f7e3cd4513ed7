package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.dat.diagnosis.DiagnosisType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture of the old server gives its numbers exactly, and every bad one is rejected with a reason. */
class ResultScorerFixturesTest {

    static Path fixtures() {
        return Path.of(System.getProperty("dat.fixtures", "src/test/resources/fixtures"));
    }

    static Stream<String> expectations() throws IOException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void matchesTheOldServer(String expectationFile) throws Exception {
        JsonObject spec;
        try (JsonReader r = Json.createReader(new StringReader(Files.readString(fixtures().resolve(expectationFile))))) {
            spec = r.readObject();
        }
        String csv = Files.readString(fixtures().resolve(spec.getString("input")), StandardCharsets.UTF_8);
        DiagnosisType type = DiagnosisType.valueOf(spec.getString("type"));
        JsonObject expected = spec.getJsonObject("expected");
        if ("error".equals(expected.getString("outcome"))) {
            ScoringException e = assertThrows(ScoringException.class, () -> ResultScorer.score(csv, type));
            assertFalse(e.getMessage().isBlank());
            return;
        }
        ScoredResult result = ResultScorer.score(csv, type);
        assertEquals(expected.getJsonNumber("score").doubleValue(), result.score());
        assertEquals(expected.getJsonNumber("time_spent").doubleValue(), result.timeSpent(), "exactly the same double");
        assertEquals(expected.getJsonNumber("fps").doubleValue(), result.fps(), "exactly the same double");
        assertEquals(expected.getInt("data_rows"), result.rows());
        assertEquals(expected.getInt("success_events"), result.successEvents());
        assertEquals(expected.getInt("fail_events"), result.failEvents());

        List<CSVRecord> out = CSVFormat.DEFAULT.parse(new StringReader(result.processedCsv())).getRecords();
        List<String> header = out.get(0).toList();
        List<String> expectedHeader = type == DiagnosisType.TENNISBALL
                ? List.of("Gap", "Position_X", "Position_Y", "Position_Z", "Rotation_X", "Rotation_Y", "Rotation_Z",
                "Scaled_Position_X", "Scaled_Position_Y", "Scaled_Position_Z", "Score", "State", "current_time", "event",
                "spend_time", "time (second)")
                : List.of("Rotation_X", "Rotation_Y", "Rotation_Z", "Score", "State", "current_time", "event", "spend_time",
                "time (second)");
        assertEquals(expectedHeader, header);
        assertEquals(result.rows() + 1, out.size());
        long successes = out.stream().skip(1).filter(r -> r.get(header.indexOf("event")).equals("Success")).count();
        assertEquals(result.successEvents(), successes);
        assertTrue(result.processedCsv().endsWith("\n") && !result.processedCsv().contains("\r"), "LF line endings");
        assertEquals("0.0", out.get(1).get(header.indexOf("time (second)")));
        double last = Double.parseDouble(out.get(out.size() - 1).get(header.indexOf("time (second)")));
        assertEquals(result.timeSpent(), last, "the last time (second) is time_spent");
        if (type == DiagnosisType.TENNISBALL) {
            for (String axis : List.of("X", "Y", "Z")) {
                double min = Double.MAX_VALUE;
                double max = -Double.MAX_VALUE;
                for (CSVRecord r : out.subList(1, out.size())) {
                    double v = Double.parseDouble(r.get(header.indexOf("Scaled_Position_" + axis)));
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                assertEquals(0.0, min, axis);
                assertEquals(1.0, max, 1e-15, axis);
            }
        }
    }
}
