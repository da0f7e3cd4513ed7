package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Live sessions end to end: REST, the headset WebSocket and the doctor's SSE stream (docs/protocol.md §4–6). */
class DiagnosisIT extends ApiIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void wholeSessionFromStartToFailure() {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            Api.Reply started = s.startOk("FITBOX", 2);
            JsonObject body = started.json();
            int id = body.getInt("id");
            assertTrue(body.getString("code").matches("[0-9A-F]{6}"), body.toString());
            assertTrue(body.getString("expired_at").endsWith("+09:00"));
            assertEquals(3, body.size());

            JsonObject cmd = headset.expect("s_start_diagnosis").getJsonObject("data");
            assertEquals(id, cmd.getInt("diagnosis_id"));
            assertEquals("FITBOX", cmd.getString("type"));
            assertEquals(2, cmd.getInt("level"));

            assertEquals(id, api.get("diagnosis/live", s.doctor().accessToken()).json().getInt("id"));

            try (StatusWatcher sse = s.watch(id)) {
                assertEquals(200, sse.status());
                assertTrue(sse.header("Content-Type").startsWith("text/event-stream"), sse.header("Content-Type"));
                assertEquals("no-cache", sse.header("Cache-Control"));
                assertEquals("no", sse.header("X-Accel-Buffering"));
                JsonObject ready = sse.expect("READY");
                assertEquals(id, ready.getInt("id"));
                assertTrue(ready.getString("timestamp").endsWith("+09:00"));

                headset.diagnosisEvent("c_diagnosis_started", id);
                sse.expect("STARTED");
                headset.diagnosisEvent("c_diagnosis_failed", id);
                sse.expect("FAILED");
                sse.awaitEnd(WAIT);
            }
            Api.Reply live = api.get("diagnosis/live", s.doctor().accessToken());
            assertEquals(404, live.status());
            assertEquals("진행중인 진단 세션을 찾을 수 없습니다.", live.detail());
            // a terminal state is final: the headset cannot revive it
            headset.diagnosisEvent("c_diagnosis_started", id);
            try (StatusWatcher after = s.watch(id)) {
                after.expect("FAILED");
                after.awaitEnd(WAIT);
            }
        }
    }

    @Test
    void startRules() {
        LiveSession s = LiveSession.create(api);
        Api.Reply offline = s.start("BALANCEBALL", 1);
        assertEquals(400, offline.status());
        assertEquals("환자가 로그인 상태가 아닙니다.", offline.detail());

        LiveSession other = LiveSession.create(api);
        Api.Reply foreign = api.post("diagnosis/start", "{\"patient_id\":" + other.patientId()
                + ",\"type\":\"BALANCEBALL\",\"level\":1}", s.doctor().accessToken());
        assertEquals(404, foreign.status());
        assertEquals("환자를 찾을 수 없습니다.", foreign.detail());

        assertEquals(422, s.start("NONE", 1).status());
        assertEquals(422, s.start("BALANCEBALL", 0).status());
        assertEquals(422, s.start("BALANCEBALL", 4).status());
        assertEquals(422, s.start("CHESS", 1).status());

        Api.Session nurse = api.registerAndLogin("NURSE");
        Api.Reply notDoctor = api.post("diagnosis/start", "{\"patient_id\":1,\"type\":\"FITBOX\",\"level\":1}", nurse.accessToken());
        assertEquals(403, notDoctor.status());
        assertEquals("의사만 진단을 시작할 수 있습니다.", notDoctor.detail());
        assertEquals("의사만 진단 세션을 확인할 수 있습니다.", api.get("diagnosis/live", nurse.accessToken()).detail());

        try (Headset headset = s.connectHeadset()) {
            s.startOk();
            Api.Reply second = s.start("FITBOX", 1);
            assertEquals(400, second.status());
            assertEquals("진행중인 진단 세션이 있습니다", second.detail());
        }
    }

    @Test
    void cancelStopsTheHeadsetAndEndsTheStream() {
        LiveSession s;
        try (LiveSession.Running run = LiveSession.running(api)) {
            s = run.session();
            int id = run.id();
            Api.Reply other = api.post("diagnosis/" + id + "/cancel", null, api.doctor().accessToken());
            assertEquals(403, other.status());
            assertEquals("해당 진단에 대한 권한이 없습니다.", other.detail());

            Api.Reply cancelled = s.cancel(id);
            assertEquals(200, cancelled.status());
            assertEquals("", cancelled.body());
            JsonObject stop = run.headset().expect("s_stop_diagnosis");
            assertTrue(stop.isNull("data"));
            run.sse().expect("CANCELLED");
            run.sse().awaitEnd(WAIT);

            Api.Reply again = s.cancel(id);
            assertEquals(400, again.status());
            assertEquals("이미 완료된 진단입니다.", again.detail());
            // the frontend's flow: /live, cancel, /start — a new session starts at once
            s.startOk();
        }
        Api.Reply missing = s.cancel(999_999);
        assertEquals(404, missing.status());
        assertEquals("진단을 찾을 수 없습니다", missing.detail());
        Api.Session nurse = api.registerAndLogin("NURSE");
        assertEquals("의사만 진단을 취소할 수 있습니다.",
                api.post("diagnosis/1/cancel", null, nurse.accessToken()).detail());
    }

    @Test
    void statusStreamChecks() {
        LiveSession s = LiveSession.create(api);
        Api.Reply none = api.get("diagnosis/1/status", null);
        assertEquals(401, none.status());
        assertEquals("인증 토큰이 제공되지 않았습니다", none.detail());
        assertEquals(404, api.get("diagnosis/999999/status", s.doctor().accessToken()).status());
        Api.Reply foreign = api.get("diagnosis/1/status", s.doctor().accessToken()); // legacy doctor1's
        assertEquals(403, foreign.status());
        assertEquals("해당 진단에 대한 권한이 없습니다.", foreign.detail());
        Api.Session nurse = api.registerAndLogin("NURSE");
        assertEquals("의사만 진단 상태를 확인할 수 있습니다.", api.get("diagnosis/1/status", nurse.accessToken()).detail());
    }

    @Test
    void unknownOrDeletedPatientCodeIsClosedWith4004() {
        try (Headset unknown = Headset.connect(api.base(), "no-such-code")) {
            assertEquals(4004, unknown.awaitClose(WAIT));
        }
        LiveSession s = LiveSession.create(api);
        assertEquals(204, api.delete("patients/" + s.patientId(), s.doctor().accessToken()).status());
        try (Headset deleted = s.connectHeadset()) {
            assertEquals(4004, deleted.awaitClose(WAIT));
        }
    }

    @Test
    void deletingThePatientStopsItsSessionAndClosesItsSocket() {
        try (LiveSession.Running run = LiveSession.running(api)) {
            assertEquals(204, api.delete("patients/" + run.session().patientId(), run.session().doctor().accessToken()).status());
            run.headset().expect("s_stop_diagnosis");
            assertEquals(4004, run.headset().awaitClose(WAIT));
            run.sse().expect("CANCELLED");
        }
    }

    @Test
    void outsideALiveSessionASecondConnectionReplacesTheFirst() throws Exception {
        // during a live session the second one is refused instead (HeadsetTrustIT)
        LiveSession s = LiveSession.create(api);
        try (Headset first = s.connectHeadset()) {
            try (Headset second = s.connectHeadset()) {
                first.expect("s_force_disconnect");
                assertEquals(1000, first.awaitClose(WAIT));
                int id = s.startOk();
                second.expect("s_start_diagnosis");
                assertEquals(200, s.cancel(id).status());
                second.expect("s_stop_diagnosis");
                assertTrue(second.isOpen(), "the first socket's close must not deregister the second");
            }
        }
    }

    @Test
    void badFramesAreIgnoredAndTheSocketStaysUp() {
        try (LiveSession.Running run = LiveSession.running(api)) {
            run.headset().sendRaw("this is not json");
            run.headset().sendRaw("[1,2,3]");
            run.headset().sendRaw("{\"action\":\"c_diagnosis_started\",\"data\":\"x\"}");
            run.headset().sendRaw("{\"action\":\"c_diagnosis_started\",\"data\":{\"diagnosis_id\":\"abc\"}}");
            run.headset().sendRaw("{\"action\":\"c_unknown\",\"data\":{\"diagnosis_id\":" + run.id() + "}}");
            run.headset().sendRaw("{\"data\":{\"diagnosis_id\":" + run.id() + "}}");
            run.headset().sendBinary(new byte[] {1, 2, 3});
            run.headset().diagnosisEvent("c_diagnosis_started", run.id());
            run.sse().expect("STARTED");
            assertTrue(run.headset().isOpen());
        }
    }

    @Test
    void aHeadsetCannotTouchAnotherPatientsSession() throws Exception {
        LiveSession a = LiveSession.create(api);
        LiveSession b = LiveSession.create(api);
        // b asks for acknowledgements: its answer to the upload proves both of its frames were handled
        // (one socket's frames are handled in order) before a's report is even sent
        try (Headset ha = a.connectHeadset();
             Headset hb = Headset.connect(api.base(), b.patientCode(), java.util.Map.of(), java.util.List.of("dat.v2"), "")) {
            int id = a.startOk();
            ha.expect("s_start_diagnosis");
            try (StatusWatcher sse = a.watch(id)) {
                sse.expect("READY");
                hb.diagnosisEvent("c_diagnosis_failed", id);   // must be ignored
                hb.send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", id)
                        .add("file_content", "x".repeat(11 * 1024 * 1024)).build()); // must be ignored too
                assertEquals("refused", hb.expect("s_upload_received").getJsonObject("data").getString("status"));
                assertEquals("READY", TestDb.one("SELECT state::text FROM diagnoses WHERE id = ?", id));
                assertEquals(0, TestDb.count("SELECT 1 FROM result_uploads WHERE diagnosis_id = ?", id),
                        "the foreign upload was not claimed");
                ha.diagnosisEvent("c_diagnosis_started", id);
                sse.expect("STARTED");
                assertEquals("", failureReason(id), "no FAILED was ever accepted");
            }
        }
    }

    @Test
    void anUploadOverTenMebibytesFailsTheSession() {
        try (LiveSession.Running run = LiveSession.running(api)) {
            run.headset().send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", run.id())
                    .add("file_content", "a".repeat(10 * 1024 * 1024 + 1)).build());
            run.sse().expect("FAILED");
            assertTrue(failureReason(run.id()).contains("exceeds"), failureReason(run.id()));
            assertTrue(run.headset().isOpen());
        }
    }

    @Test
    void overdueSessionsExpireByThemselvesAndTellEveryone() throws Exception {
        try (LiveSession.Running run = LiveSession.running(api)) {
            TestDb.update("UPDATE diagnoses SET expired_at = (now() AT TIME ZONE 'utc') - interval '1 second' WHERE id = ?", run.id());
            run.sse().expect("EXPIRED");
            run.headset().expect("s_stop_diagnosis");
            run.sse().awaitEnd(WAIT);
            assertEquals(404, api.get("diagnosis/live", run.session().doctor().accessToken()).status());
        }
    }

    @Test
    void theLegacyStaleSessionIsExpiredAndFinishedOnesAreNeverRewritten() throws Exception {
        assertEquals("EXPIRED", TestDb.awaitState(12, WAIT, "EXPIRED"), "legacy diagnosis 12 was READY long past its expiry");
        assertEquals("COMPLETED", state(1));
        assertEquals("CANCELLED", state(3));
        Api.Reply login = api.post("auth/login", Api.loginBody("doctor1", "Dat-doctor1-2026"), null);
        try (StatusWatcher sse = StatusWatcher.open(api.base(), 1, login.json().getString("access_token"))) {
            JsonObject e = sse.expect("COMPLETED");
            assertEquals(1, e.getInt("id"));
            sse.awaitEnd(WAIT);
        }
        assertEquals("COMPLETED", state(1), "watching a finished session does not rewrite it");
    }

    @Test
    void theStreamIsPingedAndNothingElseIsSent() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            int id = s.startOk();
            try (StatusWatcher sse = s.watch(id)) {
                sse.expect("READY");
                assertTrue(sse.awaitComment(Duration.ofSeconds(16)), "a ': ping' comment within 15 s");
                headset.diagnosisEvent("c_diagnosis_started", id);
                assertEquals("STARTED", sse.next(WAIT).getString("state"), "only data events, no other lines");
            }
        }
    }

    private static String state(int diagnosisId) throws SQLException {
        return TestDb.one("SELECT state::text FROM diagnoses WHERE id = ?", diagnosisId);
    }

    private static String failureReason(int diagnosisId) {
        try {
            String r = TestDb.one("SELECT failure_reason FROM diagnoses WHERE id = ?", diagnosisId);
            return r == null ? "" : r;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
