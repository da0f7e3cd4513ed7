package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import kr.dat.devstack.LegacyDatabase;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape on the management interface carries the server's own metrics. */
class MetricsIT extends ApiIT {

    static String scrape() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:9990/prometheus")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The sum of the samples of {@code name} whose labels contain {@code label} (e.g. {@code outcome="stored"}). */
    private static double value(String scrape, String name, String label) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void sessionsUploadsStreamsAndRequestsAreScraped() throws Exception {
        LiveSession s = LiveSession.create(api);
        String csv = Files.readString(LegacyDatabase.fixtures().resolve("balanceball_level1_sample.csv"), StandardCharsets.UTF_8);
        String before = scrape();
        double storedBefore = value(before, "dat_uploads_total", "outcome=\"stored\"");
        double timedBefore = value(before, "dat_upload_seconds_count", "");
        double totalBefore = value(before, "dat_upload_seconds_sum", "");
        double phasesBefore = value(before, "dat_upload_phase_seconds_sum", "");
        try (Headset headset = s.connectHeadset()) {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                String during = scrape();
                assertTrue(value(during, "dat_headsets_connected", "") >= 1, "a connected headset is counted");
                assertTrue(value(during, "dat_sse_streams", "") >= 1, "an open status stream is counted");
                assertTrue(value(during, "dat_diagnoses_live", "") >= 1, "the live session is counted");
                headset.send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", id).add("file_content", csv).build());
                sse.expect("COMPLETED");
            }
        }
        String after = scrape();
        assertEquals(storedBefore + 1, value(after, "dat_uploads_total", "outcome=\"stored\""), 0.0);
        assertTrue(value(after, "dat_scoring_seconds_count", "") >= 1);
        // recorded right after the commit that the stream reports, so it may come a moment later
        Poll.require(java.time.Duration.ofSeconds(10), "the upload timed from its message to COMPLETED",
                () -> value(scrape(), "dat_upload_seconds_count", ""), n -> n == timedBefore + 1);
        String timed = scrape();
        assertTrue(value(timed, "dat_upload_seconds_sum", "") > 0);
        for (String phase : new String[] {"decode", "claim", "scoring", "store", "record"}) {
            assertEquals(1, value(timed, "dat_upload_phase_seconds_count", "phase=\"" + phase + "\"")
                    - value(before, "dat_upload_phase_seconds_count", "phase=\"" + phase + "\""), 0.0, phase + " timed once");
        }
        // the phases follow one another from the message to the commit: together they are the upload's time
        double total = value(timed, "dat_upload_seconds_sum", "") - totalBefore;
        double phases = value(timed, "dat_upload_phase_seconds_sum", "") - phasesBefore;
        assertTrue(phases <= total + 1e-6 && phases > total - 0.05, "phases " + phases + " s of an upload of " + total + " s");
        assertTrue(after.lines().anyMatch(l -> l.startsWith("dat_uploads_pending")));
        assertTrue(value(after, "dat_http_requests_seconds_count", "route=\"/patients\"") >= 1, "API latency by route: "
                + after.lines().filter(l -> l.startsWith("dat_http")).toList());
    }
}
