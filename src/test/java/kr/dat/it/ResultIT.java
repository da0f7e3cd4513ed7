package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import kr.dat.devstack.DevStackSessionListener;
import kr.dat.devstack.LegacyDatabase;
import org.junit.jupiter.api.Test;

/** Result uploads end to end: headset → bucket → scoring → record endpoints (docs/protocol.md §6–7). */
class ResultIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String fixture(String name) throws Exception {
        return Files.readString(LegacyDatabase.fixtures().resolve(name), StandardCharsets.UTF_8);
    }

    private static JsonObject upload(int diagnosisId, String csv) {
        return Json.createObjectBuilder().add("diagnosis_id", diagnosisId).add("file_content", csv).build();
    }

    private static int startSession(LiveSession s, Headset headset, String type, int level) {
        int id = s.startOk(type, level).json().getInt("id");
        headset.expect("s_start_diagnosis");
        return id;
    }

    @Test
    void anUploadIsStoredScoredAndServedToItsDoctorOnly() throws Exception {
        LiveSession s = LiveSession.create(api);
        String csv = fixture("balanceball_level1_sample.csv");
        int id;
        try (Headset headset = s.connectHeadset()) {
            id = startSession(s, headset, "BALANCEBALL", 1);
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                headset.diagnosisEvent("c_diagnosis_started", id);
                sse.expect("STARTED");
                headset.send("c_upload_result", upload(id, csv));
                sse.expect("COMPLETED");
                sse.awaitEnd(WAIT);
            }
        }
        List<String> keys = Bucket.keys("diagnosis/" + id + "/");
        assertEquals(2, keys.size(), keys.toString());
        assertTrue(keys.get(0).matches("diagnosis/" + id + "/original/BALANCEBALL_1_\\d{14}\\.csv"), keys.toString());
        assertTrue(keys.get(1).matches("diagnosis/" + id + "/processed/BALANCEBALL_1_\\d{14}\\.csv"), keys.toString());
        assertEquals(csv, Bucket.text(keys.get(0)), "the original is stored untouched");
        String fileName = keys.get(1).substring(keys.get(1).lastIndexOf('/') + 1);

        String token = s.doctor().accessToken();
        JsonObject meta = api.get("diagnosis/record/" + id + "/metadata", token).json();
        assertEquals(s.patientId(), meta.getInt("patient_id"));
        assertEquals("BALANCEBALL", meta.getString("type"));
        assertEquals(1, meta.getInt("level"));
        assertEquals(fileName, meta.getString("filename"));
        assertEquals(18.0, meta.getJsonNumber("score").doubleValue());
        assertEquals(60.03500008583069, meta.getJsonNumber("time_spent").doubleValue());
        assertEquals(71.42500198000404, meta.getJsonNumber("fps").doubleValue());

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        JsonArray list = api.get("diagnosis/record/list?patient_id=" + s.patientId() + "&start_date=" + today
                + "T00:00:00&end_date=" + today + "T23:59:59", token).array();
        assertEquals(1, list.size(), list.toString());
        assertEquals(id, list.getJsonObject(0).getInt("id"));
        assertEquals(fileName, list.getJsonObject(0).getString("filename"));

        Api.Reply file = api.get("diagnosis/record/" + id + "/file", token);
        assertEquals(200, file.status());
        assertEquals("text/csv; charset=utf-8", file.header("Content-Type").toLowerCase().replace(";charset", "; charset"));
        assertEquals("attachment; filename=\"" + fileName + "\"", file.header("Content-Disposition"));
        assertTrue(file.body().startsWith("Rotation_X,Rotation_Y,Rotation_Z,Score,State,current_time,event,spend_time,time (second)\n"));
        assertEquals(Bucket.text(keys.get(1)), file.body());

        Api.Session other = api.doctor();
        assertEquals(404, api.get("diagnosis/record/" + id + "/metadata", other.accessToken()).status());
        Api.Reply otherFile = api.get("diagnosis/record/" + id + "/file", other.accessToken());
        assertEquals(404, otherFile.status());
        assertEquals("진단 파일을 찾을 수 없습니다.", otherFile.detail());
        assertEquals(0, api.get("diagnosis/record/list?patient_id=" + s.patientId() + "&start_date=" + today
                + "T00:00:00&end_date=" + today + "T23:59:59", other.accessToken()).array().size());
        Api.Session nurse = api.registerAndLogin("NURSE");
        assertEquals("의사만 진단 기록을 조회할 수 있습니다.",
                api.get("diagnosis/record/" + id + "/metadata", nurse.accessToken()).detail());
        assertEquals("의사만 진단 기록을 다운로드할 수 있습니다.",
                api.get("diagnosis/record/" + id + "/file", nurse.accessToken()).detail());
    }

    @Test
    void aTennisBallFileIsProcessed() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            int id = startSession(s, headset, "TENNISBALL", 2);
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                headset.send("c_upload_result", upload(id, fixture("tennisball_level2_synth.csv")));
                sse.expect("COMPLETED");
            }
            JsonObject meta = api.get("diagnosis/record/" + id + "/metadata", s.doctor().accessToken()).json();
            assertEquals(85.9559998512268, meta.getJsonNumber("time_spent").doubleValue());
            String file = api.get("diagnosis/record/" + id + "/file", s.doctor().accessToken()).body();
            assertTrue(file.startsWith("Gap,Position_X,Position_Y,Position_Z,Rotation_X,Rotation_Y,Rotation_Z,"
                    + "Scaled_Position_X,Scaled_Position_Y,Scaled_Position_Z,Score,State,"), file.substring(0, 200));
        }
    }

    @Test
    void aBrokenCsvFailsTheSessionWithAReasonAndKeepsTheOriginal() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            int id = startSession(s, headset, "BALANCEBALL", 1);
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                headset.send("c_upload_result", upload(id, fixture("edge_bad_timestamp_format.csv")));
                sse.expect("FAILED");
            }
            String reason = TestDb.one("SELECT failure_reason FROM diagnoses WHERE id = ?", id);
            assertTrue(reason.contains("current_time") && reason.contains("2025-03-14T10:15:02.399"), reason);
            List<String> keys = Bucket.keys("diagnosis/" + id + "/");
            assertEquals(1, keys.size(), keys.toString());
            assertTrue(keys.get(0).contains("/original/"));
            assertEquals(404, api.get("diagnosis/record/" + id + "/metadata", s.doctor().accessToken()).status());
        }
    }

    @Test
    void anUploadThatLosesItsClaimLeavesNothingInTheBucket() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset v2 = Headset.connect(api.base(), s.patientCode(), java.util.Map.of(), List.of("dat.v2"), "")) {
            int id = s.startOk();
            v2.expect("s_start_diagnosis");
            // another worker's claim of this session's result, its lease running: this upload loses the claim
            TestDb.update("INSERT INTO result_uploads (diagnosis_id, patient_id, file_name, content, attempts, next_attempt_at, "
                    + "received_at) VALUES (?, ?, 'BALANCEBALL_1_20000101000000.csv', 'claimed first', 1, "
                    + "now() + interval '1 hour', now())", id, s.patientId());
            try {
                v2.send("c_upload_result", upload(id, fixture("balanceball_level1_sample.csv")));
                assertEquals("duplicate", v2.expect("s_upload_received").getJsonObject("data").getString("status"));
                // its puts began beside the claim; the lost claim abandoned them, so nothing appears (watched for 1 s)
                long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                do {
                    assertEquals(List.of(), Bucket.keys("diagnosis/" + id + "/"), "an object of an upload that was never claimed");
                } while (System.nanoTime() < until);
            } finally {
                TestDb.update("UPDATE result_uploads SET done = TRUE, content = NULL WHERE diagnosis_id = ?", id);
            }
        }
    }

    @Test
    void anUploadDuringAStorageOutageCompletesWhenTheBucketIsBack() throws Exception {
        LiveSession s = LiveSession.create(api);
        String csv = fixture("fitbox_level1_synth.csv");
        try (Headset headset = s.connectHeadset()) {
            int id = startSession(s, headset, "FITBOX", 1);
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                DevStackSessionListener.stack().stopS3();
                try {
                    headset.send("c_upload_result", upload(id, csv));
                    headset.send("c_upload_result", upload(id, "a second upload is ignored"));
                    awaitSql("SELECT attempts::text FROM result_uploads WHERE diagnosis_id = ? AND attempts > 0", id);
                    assertEquals("false", TestDb.one("SELECT done::text FROM result_uploads WHERE diagnosis_id = ?", id));
                    assertEquals(csv, TestDb.one("SELECT content FROM result_uploads WHERE diagnosis_id = ?", id),
                            "the raw upload is kept in PostgreSQL while the bucket is away");
                } finally {
                    DevStackSessionListener.stack().startS3();
                }
                sse.expect("COMPLETED"); // the retry timer finishes it
            }
            List<String> keys = Bucket.keys("diagnosis/" + id + "/");
            assertEquals(2, keys.size(), keys.toString());
            assertEquals(csv, Bucket.text(keys.get(0)));
            assertEquals(600.0, api.get("diagnosis/record/" + id + "/metadata", s.doctor().accessToken()).json()
                    .getJsonNumber("score").doubleValue());
            // the database copy is dropped once stored (right after COMPLETED is committed)
            awaitSql("SELECT 'dropped' FROM result_uploads WHERE diagnosis_id = ? AND done AND content IS NULL", id);
            // a copy left behind (a crash between COMPLETED and the drop) is swept by the retry timer
            TestDb.update("UPDATE result_uploads SET content = 'left behind' WHERE diagnosis_id = ?", id);
            awaitSql("SELECT 'swept' FROM result_uploads WHERE diagnosis_id = ? AND content IS NULL", id);
        }
    }

    @Test
    void aHeldResultNeitherBlocksTheNextSessionNorIsLostToACancel() throws Exception {
        LiveSession s = LiveSession.create(api);
        String csv = fixture("balanceball_level1_sample.csv");
        try (Headset headset = s.connectHeadset()) {
            int first = startSession(s, headset, "BALANCEBALL", 1);
            try (StatusWatcher sse = s.watch(first)) {
                sse.expect("READY");
                headset.diagnosisEvent("c_diagnosis_started", first);
                sse.expect("STARTED");
                DevStackSessionListener.stack().stopS3();
                int second;
                try {
                    headset.send("c_upload_result", upload(first, csv));
                    awaitSql("SELECT attempts::text FROM result_uploads WHERE diagnosis_id = ? AND attempts > 0", first);
                    // the front end's flow: live, cancel, start
                    assertEquals(404, api.get("diagnosis/live", s.doctor().accessToken()).status(),
                            "a session whose result is held is no longer the doctor's live session");
                    Api.Reply cancel = s.cancel(first);
                    assertEquals(400, cancel.status(), "the held result is not discarded");
                    assertEquals("STARTED", TestDb.one("SELECT state::text FROM diagnoses WHERE id = ?", first));
                    second = startSession(s, headset, "FITBOX", 2);
                    assertTrue(second != first);
                } finally {
                    DevStackSessionListener.stack().startS3();
                }
                sse.expect("COMPLETED"); // the retry timer stores it once the bucket is back
                assertEquals(200, api.get("diagnosis/record/" + first + "/metadata", s.doctor().accessToken()).status());
                assertEquals(200, s.cancel(second).status(), "the next session went on meanwhile");
            }
        }
    }

    @Test
    void legacyRecordsAreServedToTheirDoctors() {
        String doctor1 = api.post("auth/login", Api.loginBody("doctor1", "Dat-doctor1-2026"), null).json().getString("access_token");
        JsonArray list = api.get("diagnosis/record/list?patient_id=1&start_date=2026-09-01T00:00:00&end_date=2026-11-30T00:00:00",
                doctor1).array();
        assertEquals(List.of(7, 4, 1), list.stream().map(v -> v.asJsonObject().getInt("id")).toList());
        assertEquals("BALANCEBALL_1_20260929101645.csv", list.getJsonObject(2).getString("filename"));
        assertEquals("2026-09-29T10:15:22", list.getJsonObject(2).getString("created_at").substring(0, 19));

        // naive query dates are KST: 10:00–11:00 KST holds diagnosis 1 (01:15 UTC)
        JsonArray kst = api.get("diagnosis/record/list?patient_id=1&start_date=2026-09-29T10:00:00&end_date=2026-09-29T11:00:00",
                doctor1).array();
        assertEquals(1, kst.size(), kst.toString());
        String from = URLEncoder.encode("2026-09-29T01:00:00+00:00", StandardCharsets.UTF_8);
        assertEquals(1, api.get("diagnosis/record/list?patient_id=1&start_date=" + from + "&end_date=2026-09-29T01:30:00Z", doctor1)
                .array().size(), "an explicit offset is honoured");

        JsonObject meta = api.get("diagnosis/record/1/metadata", doctor1).json();
        assertEquals(1, meta.getInt("patient_id"));
        assertEquals(14.0, meta.getJsonNumber("score").doubleValue());
        Api.Reply missing = api.get("diagnosis/record/9/metadata", doctor1);
        assertEquals(404, missing.status(), "COMPLETED without a result is no record");
        assertEquals("진단 기록을 찾을 수 없습니다.", missing.detail());
        assertEquals(404, api.get("diagnosis/record/1/file", doctor1).status(), "no object in the bucket for old rows");

        String doctor2 = api.post("auth/login", Api.loginBody("doctor2", "Dat-doctor2-2026"), null).json().getString("access_token");
        assertEquals(404, api.get("diagnosis/record/1/metadata", doctor2).status());
        assertEquals(0, api.get("diagnosis/record/list?patient_id=1&start_date=2026-09-01&end_date=2026-12-01", doctor2)
                .array().size());
    }

    @Test
    void listParametersAreValidated() {
        String token = api.doctor().accessToken();
        Api.Reply missing = api.get("diagnosis/record/list?patient_id=1&start_date=2026-09-01", token);
        assertEquals(422, missing.status());
        assertEquals("missing", missing.json().getJsonArray("detail").getJsonObject(0).getString("type"));
        Api.Reply badDate = api.get("diagnosis/record/list?patient_id=1&start_date=yesterday&end_date=2026-09-01", token);
        assertEquals(422, badDate.status());
        assertEquals("datetime_from_date_parsing", badDate.json().getJsonArray("detail").getJsonObject(0).getString("type"));
        assertEquals(422, api.get("diagnosis/record/list?patient_id=x&start_date=2026-09-01&end_date=2026-09-02", token).status());
        assertEquals(422, api.get("diagnosis/record/abc/metadata", token).status());
    }

    private static void awaitSql(String sql, int id) throws Exception {
        Poll.require(WAIT, sql, () -> TestDb.one(sql, id), java.util.Objects::nonNull);
    }
}
