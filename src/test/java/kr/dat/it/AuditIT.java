package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kr.dat.devstack.LegacyDatabase;
import org.junit.jupiter.api.Test;

/** The access records: who touched whose data, when, from where; read by an ADMIN only. */
class AuditIT extends ApiIT {

    private Api.Session admin() throws Exception {
        Api.Session a = api.registerAndLogin("STAFF");
        TestDb.update("UPDATE users SET role = 'ADMIN' WHERE id = ?", a.userId()); // how hospital IT promotes one
        return a;
    }

    private static Set<String> actions(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("action")).collect(Collectors.toSet());
    }

    @Test
    void aSessionLeavesAnAccessRecordOfEveryStepAndOnlyAnAdminReadsThem() throws Exception {
        Api ward = new Api(url).header("X-Forwarded-For", "10.77.1.23").userAgent("DoctorFront/1.0");
        Api.Session doctor = ward.doctor();
        assertEquals(401, ward.post("auth/login", Api.loginBody(doctor.loginId(), "Wrong-pass1"), null).status());
        Api.Reply p = ward.post("patients", "{\"name\":\"감사\"}", doctor.accessToken());
        int patientId = p.json().getInt("id");
        LiveSession s = new LiveSession(ward, doctor, patientId, p.json().getString("code"));
        assertEquals(200, ward.put("patients/" + patientId, "{\"name\":\"감사2\"}", doctor.accessToken()).status());
        String csv = Files.readString(LegacyDatabase.fixtures().resolve("balanceball_level1_sample.csv"), StandardCharsets.UTF_8);
        int id;
        try (Headset headset = Headset.connect(api.base(), s.patientCode(), java.util.Map.of("User-Agent", "UnityPlayer/2022.3",
                "X-Forwarded-For", "10.77.2.9"), List.of(), "")) {
            id = s.startOk();
            headset.expect("s_start_diagnosis");
            headset.send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", id).add("file_content", csv).build());
            assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
        }
        assertEquals(200, ward.get("diagnosis/record/list?patient_id=" + patientId
                + "&start_date=2020-01-01&end_date=2099-01-01", doctor.accessToken()).status());
        assertEquals(200, ward.get("diagnosis/record/" + id + "/metadata", doctor.accessToken()).status());
        assertEquals(200, ward.get("diagnosis/record/" + id + "/file", doctor.accessToken()).status());

        Api.Reply forbidden = api.get("admin/audit", doctor.accessToken());
        assertEquals(403, forbidden.status());
        assertEquals("관리자만 감사 기록을 조회할 수 있습니다.", forbidden.detail());

        Api.Session admin = admin();
        Api.Reply mine = api.get("admin/audit?user_id=" + doctor.userId() + "&size=200", admin.accessToken());
        assertEquals(200, mine.status(), mine.body());
        Set<String> byDoctor = actions(mine.json());
        assertTrue(byDoctor.containsAll(Set.of("LOGIN", "LOGIN_FAILED", "PATIENT_CREATE", "PATIENT_UPDATE", "SESSION_START",
                "RECORD_LIST", "RECORD_METADATA", "RECORD_FILE")), byDoctor.toString());
        JsonObject login = mine.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("action").equals("LOGIN")).findFirst().orElseThrow();
        assertEquals("10.77.1.23", login.getString("address"));
        assertEquals("DoctorFront/1.0", login.getString("user_agent"));
        assertTrue(login.getString("at").endsWith("+09:00"));
        TestDb.assertAtInNaiveUtc("audit_events", login.getJsonNumber("id").longValue(), login.getString("at"));

        Api.Reply ofPatient = api.get("admin/audit?patient_id=" + patientId + "&size=200", admin.accessToken());
        JsonObject delivered = ofPatient.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("action").equals("RESULT_DELIVERED")).findFirst().orElseThrow();
        assertEquals(id, delivered.getInt("diagnosis_id"));
        assertEquals("10.77.2.9", delivered.getString("address"), "which connection delivered it");
        assertEquals("UnityPlayer/2022.3", delivered.getString("user_agent"));
        assertTrue(delivered.getString("detail").contains("unpaired"), delivered.toString());
        assertFalse(ofPatient.body().contains("Rotation_X"), "never CSV content");

        Api.Reply paged = api.get("admin/audit?user_id=" + doctor.userId() + "&size=2&page=1", admin.accessToken());
        assertEquals(2, paged.json().getJsonArray("items").size());
        assertEquals(mine.json().getInt("total"), paged.json().getInt("total"));
        assertEquals(mine.json().getJsonArray("items").getJsonObject(2).getInt("id"),
                paged.json().getJsonArray("items").getJsonObject(0).getInt("id"), "newest first, page 1 of size 2");
        assertEquals(422, api.get("admin/audit?size=1000", admin.accessToken()).status());
        Api.Reply empty = api.get("admin/audit?user_id=" + doctor.userId() + "&from=2099-01-01", admin.accessToken());
        assertEquals(0, empty.json().getInt("total"));
    }

    @Test
    void theTrailIsAppendOnly() throws Exception {
        api.doctor(); // a login writes an event
        String id = TestDb.one("SELECT max(id)::text FROM audit_events");
        assertThrows(java.sql.SQLException.class,
                () -> TestDb.update("UPDATE audit_events SET action = 'FORGED' WHERE id = ?", Long.parseLong(id)));
    }

    private static long logLines(String needle) throws Exception {
        return Files.readAllLines(java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"))
                .stream().filter(l -> l.contains(needle)).count();
    }

    /**
     * A write of the audit trail that fails loses nothing: requests are answered, the batch is kept,
     * and once the table takes rows again every event is there. The test makes the table refuse the
     * second row of any transaction, so a batch fails after its first row was inserted (and got an
     * id): a retry must not persist those rows again, or it fails for ever.
     */
    @Test
    void eventsTheTableRefusedForAWhileAreWrittenWhenItTakesThemAgain() throws Exception {
        Api.Session admin = admin();
        Api.Session doctor = api.doctor();
        String refused = "audit event(s) could not be written yet";
        long before = logLines(refused);
        TestDb.update("CREATE OR REPLACE FUNCTION audit_refuse() RETURNS trigger AS $$ DECLARE n int := "
                + "coalesce(nullif(current_setting('dat.audit_rows', true), ''), '0')::int + 1; BEGIN "
                + "PERFORM set_config('dat.audit_rows', n::text, true); IF n >= 2 THEN "
                + "RAISE EXCEPTION 'the test refuses the second audit row of a transaction'; END IF; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql");
        TestDb.update("CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse()");
        try {
            // several at once, so that flushes carry batches of more than one event
            java.util.stream.IntStream.range(0, 20).parallel().forEach(i -> assertEquals(201,
                    api.post("patients", "{\"name\":\"감사재시도\"}", doctor.accessToken()).status(),
                    "a request never fails for its audit event"));
            Poll.require(Duration.ofSeconds(10), "a batch of two or more meets the refusal", () -> logLines(refused),
                    n -> n > before);
        } finally {
            TestDb.update("DROP TRIGGER audit_refuse ON audit_events");
        }
        JsonObject page = api.get("admin/audit?user_id=" + doctor.userId(), admin.accessToken()).json();
        long created = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("PATIENT_CREATE")).count();
        assertEquals(20, created, page.toString());
    }
}
