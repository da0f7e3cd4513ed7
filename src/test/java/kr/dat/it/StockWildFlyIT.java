package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.dat.devstack.LegacyDatabase;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the stock-wildfly profile: the WAR on an unmodified WildFly distribution that got
 * nothing but the deployment guide's steps (the driver module, server-config/dat-server.cli). A whole
 * session: register, login, patient, headset, start, upload, record — and the docs and health pages.
 */
class StockWildFlyIT extends ApiIT {

    @Test
    void theGuideOnAStockDistributionRunsAWholeSession() throws Exception {
        Path standaloneXml = Path.of(System.getProperty("jboss.home"), "standalone", "configuration", "standalone.xml");
        assertTrue(Files.readString(standaloneXml).contains("microprofile-health-smallrye"),
                "the CLI script added what the stock standalone.xml lacked");
        assertEquals(200, api.get("health", null).status(), api.get("health", null).body());
        LiveSession s = LiveSession.create(api); // registers and logs a doctor in, creates a patient
        String csv = Files.readString(LegacyDatabase.fixtures().resolve("balanceball_level1_sample.csv"), StandardCharsets.UTF_8);
        try (Headset headset = s.connectHeadset()) {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                headset.diagnosisEvent("c_diagnosis_started", id);
                sse.expect("STARTED");
                headset.send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", id).add("file_content", csv).build());
                sse.expect("COMPLETED");
            }
            Api.Reply record = api.get("diagnosis/record/" + id + "/metadata", s.doctor().accessToken());
            assertEquals(200, record.status(), record.body());
            assertEquals(18.0, record.json().getJsonNumber("score").doubleValue());
            assertEquals(200, api.get("diagnosis/record/" + id + "/file", s.doctor().accessToken()).status());
        }
        assertEquals(200, api.get("openapi.json", null).status(), "MicroProfile OpenAPI works on the stock server");
        assertTrue(MetricsIT.scrape().contains("dat_uploads_total"), "the Prometheus scrape works on the stock server");
    }
}
