package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code /api/patients} against the real server (docs/protocol.md §3). */
class PatientIT extends ApiIT {

    private static String patient(String name, String code) {
        var b = Json.createObjectBuilder().add("name", name);
        if (code != null) {
            b.add("code", code);
        }
        return b.build().toString();
    }

    @Test
    void createListUpdateDelete() {
        Api.Session doc = api.doctor();
        Api.Reply created = api.post("patients", patient("박서준", null), doc.accessToken());
        assertEquals(201, created.status(), created.body());
        JsonObject p = created.json();
        assertEquals("박서준", p.getString("name"));
        assertTrue(p.getString("code").matches("\\d{3}-000"), p.getString("code"));
        assertTrue(p.getString("created_at").endsWith("+09:00"));
        assertEquals(5, p.size(), p.toString());

        Api.Reply second = api.post("patients", patient("이하은", ""), doc.accessToken());
        assertEquals(201, second.status());
        assertTrue(second.json().getString("code").endsWith("-001"), "empty code is automatic too");

        JsonArray list = api.get("patients", doc.accessToken()).array();
        assertEquals(2, list.size());
        assertTrue(list.getJsonObject(0).getInt("id") < list.getJsonObject(1).getInt("id"), "sorted by id");

        int id = p.getInt("id");
        Api.Reply renamed = api.put("patients/" + id, "{\"name\":\"박서준2\"}", doc.accessToken());
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("박서준2", renamed.json().getString("name"));
        assertEquals(p.getString("code"), renamed.json().getString("code"));

        Api.Reply unchanged = api.put("patients/" + id, "{\"name\":null}", doc.accessToken());
        assertEquals("박서준2", unchanged.json().getString("name"), "null means unchanged");

        Api.Reply deleted = api.delete("patients/" + id, doc.accessToken());
        assertEquals(204, deleted.status());
        assertEquals(1, api.get("patients", doc.accessToken()).array().size());
        Api.Reply again = api.delete("patients/" + id, doc.accessToken());
        assertEquals(404, again.status());
        assertEquals("환자를 찾을 수 없습니다.", again.detail());
        assertEquals(404, api.put("patients/" + id, "{\"name\":\"x\"}", doc.accessToken()).status());
    }

    @Test
    void newRowsAreStoredInNaiveUtcOnAServerInSeoulTime() throws Exception {
        // arquillian.xml runs this server with -Duser.timezone=Asia/Seoul
        Api.Session doctor = api.doctor();
        Api.Reply me = api.get("auth/me", doctor.accessToken());
        TestDb.assertCreatedInNaiveUtc("users", doctor.userId(), me.json().getString("created_at"));
        Api.Reply p = api.post("patients", "{\"name\":\"시간대\"}", doctor.accessToken());
        TestDb.assertCreatedInNaiveUtc("patients", p.json().getInt("id"), p.json().getString("created_at"));
    }

    @Test
    void aDoctorWhoseProfileWasDeletedGets404AndNoPatients() throws Exception {
        Api.Session doc = api.doctor();
        assertEquals(200, api.get("patients", doc.accessToken()).status());
        TestDb.update("UPDATE doctors SET is_deleted = true WHERE user_id = ?", doc.userId());
        Api.Reply r = api.get("patients", doc.accessToken());
        assertEquals(404, r.status(), r.body());
        assertEquals("의사 정보를 찾을 수 없습니다.", r.detail());
        assertEquals(404, api.post("patients", patient("프로필 없음", null), doc.accessToken()).status());
    }

    @Test
    void automaticCodesSkipTakenOnesIncludingDeletedPatients() {
        Api.Session doc = api.doctor();
        int a = api.post("patients", patient("a", null), doc.accessToken()).json().getInt("id"); // -000
        api.post("patients", patient("b", null), doc.accessToken()); // -001
        assertEquals(204, api.delete("patients/" + a, doc.accessToken()).status());
        // one active patient: the old server would pick -001 again and fail
        Api.Reply next = api.post("patients", patient("c", null), doc.accessToken());
        assertEquals(201, next.status(), next.body());
        assertTrue(next.json().getString("code").endsWith("-002"), next.body());
    }

    @Test
    void explicitCodeMustBeFree() {
        Api.Session doc = api.doctor();
        String code = "T-" + Api.uniqueLogin("c");
        assertEquals(201, api.post("patients", patient("a", code), doc.accessToken()).status());
        Api.Session other = api.doctor();
        Api.Reply dup = api.post("patients", patient("b", code), other.accessToken());
        assertEquals(400, dup.status());
        assertEquals("이미 사용 중인 환자 코드입니다.", dup.detail());
    }

    @Test
    void concurrentCreationsNeverCollide() throws Exception {
        Api.Session doc = api.doctor();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> jobs = IntStream.range(0, 12)
                    .<Callable<Api.Reply>>mapToObj(i -> () -> api.post("patients", patient("p" + i, null), doc.accessToken()))
                    .toList();
            for (Future<Api.Reply> f : pool.invokeAll(jobs)) {
                assertEquals(201, f.get().status(), f.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonArray list = api.get("patients", doc.accessToken()).array();
        assertEquals(12, list.size());
        assertEquals(12, list.stream().map(v -> v.asJsonObject().getString("code")).distinct().count());
    }

    @Test
    void otherDoctorsPatients() {
        Api.Session owner = api.doctor();
        Api.Session other = api.doctor();
        int id = api.post("patients", patient("mine", null), owner.accessToken()).json().getInt("id");

        Api.Reply update = api.put("patients/" + id, "{\"name\":\"x\"}", other.accessToken());
        assertEquals(403, update.status());
        assertEquals("다른 의사가 등록한 환자 정보는 수정할 수 없습니다.", update.detail());
        Api.Reply delete = api.delete("patients/" + id, other.accessToken());
        assertEquals(403, delete.status());
        assertEquals("다른 의사가 등록한 환자는 삭제할 수 없습니다.", delete.detail());
        assertEquals(0, api.get("patients", other.accessToken()).array().size(), "lists show only own patients");
    }

    @Test
    void onlyDoctorsManagePatients() {
        Api.Session nurse = api.registerAndLogin("NURSE");
        assertForbidden(api.post("patients", patient("x", null), nurse.accessToken()), "의사만 환자를 생성할 수 있습니다.");
        assertForbidden(api.get("patients", nurse.accessToken()), "의사만 환자 목록을 조회할 수 있습니다.");
        assertForbidden(api.put("patients/1", "{\"name\":\"x\"}", nurse.accessToken()), "의사만 환자 정보를 업데이트할 수 있습니다.");
        assertForbidden(api.delete("patients/1", nurse.accessToken()), "의사만 환자를 삭제할 수 있습니다.");
    }

    private static void assertForbidden(Api.Reply r, String detail) {
        assertEquals(403, r.status(), r.body());
        assertEquals(detail, r.detail());
    }

    @Test
    void unauthenticatedAndInvalidInput() {
        Api.Reply none = api.get("patients", null);
        assertEquals(401, none.status());
        assertEquals("인증 토큰이 제공되지 않았습니다", none.detail());

        Api.Session doc = api.doctor();
        assertEquals(422, api.post("patients", "{\"name\":\"\"}", doc.accessToken()).status());
        assertEquals(422, api.post("patients", "{\"name\":\"   \"}", doc.accessToken()).status());
        assertEquals(422, api.post("patients", "{}", doc.accessToken()).status());
        assertEquals(422, api.post("patients", patient("x", "bad code!"), doc.accessToken()).status());
        Api.Reply badId = api.put("patients/abc", "{\"name\":\"x\"}", doc.accessToken());
        assertEquals(422, badId.status());
        JsonObject e = badId.json().getJsonArray("detail").getJsonObject(0);
        assertEquals("int_parsing", e.getString("type"));
        assertEquals("[\"path\",\"patient_id\"]", e.getJsonArray("loc").toString());
    }

    @Test
    void automaticCodeUsesDoctorIdPrefix() throws Exception {
        Api.Session doc = api.doctor();
        int doctorId = Integer.parseInt(TestDb.one("SELECT id::text FROM doctors WHERE user_id = ?", doc.userId()));
        Api.Reply first = api.post("patients", patient("첫 환자", null), doc.accessToken());
        assertEquals(String.format("%03d-000", doctorId % 1000), first.json().getString("code"),
                "DDD is the last three digits of the doctor id (" + doctorId + "), NNN starts at 000");
    }
}
