package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test database starts as the old server left it (fixtures/legacy, loaded before WildFly
 * starts): the server adopted it at deploy (Flyway baseline at V1) and its users, patients and
 * sequences carry on.
 */
class LegacyAdoptionIT extends ApiIT {

    /** The highest patient id in fixtures/legacy. */
    private static final int LAST_LEGACY_PATIENT = 8;

    private String login(String loginId, String password) {
        Api.Reply r = api.post("auth/login", Api.loginBody(loginId, password), null);
        assertEquals(200, r.status(), loginId + ": " + r.body());
        return r.json().getString("access_token");
    }

    @Test
    void oldAccountsLogInWithTheirOldBcryptHashes() {
        String token = login("doctor1", "Dat-doctor1-2026");
        JsonObject me = api.get("auth/me", token).json();
        assertEquals(1, me.getInt("id"));
        assertEquals("김지훈", me.getString("name"));
        assertEquals("DOCTOR", me.getString("role"));
        assertEquals("2026-09-21T10:12:05.318224+09:00", me.getString("created_at"), "naive UTC shown as KST");

        String nurse = login("nurse1", "Dat-nurse1-2026");
        assertEquals("NURSE", api.get("auth/me", nurse).json().getString("role"));
        login("doctor2", "Dat-doctor2-2026");

        Api.Reply wrong = api.post("auth/login", Api.loginBody("doctor3", "Dat-doctor1-2026"), null);
        assertEquals(401, wrong.status());
    }

    @Test
    void eachDoctorSeesOnlyTheirActivePatientsAndNewCodesDoNotCollide() throws SQLException {
        String doctor1 = login("doctor1", "Dat-doctor1-2026");
        assertEquals(List.of(1, 4, 8), legacyIds(api.get("patients", doctor1).array()));
        assertEquals(List.of(3, 5, 7), legacyIds(api.get("patients", login("doctor2", "Dat-doctor2-2026")).array()));
        String doctor3 = login("doctor3", "Dat-doctor3-2026");
        assertEquals(List.of(6), legacyIds(api.get("patients", doctor3).array()));
        JsonObject p7 = api.get("patients", login("doctor2", "Dat-doctor2-2026")).array().stream()
                .map(JsonValue::asJsonObject).filter(p -> p.getInt("id") == 7).findFirst().orElseThrow();
        assertEquals("002-002", p7.getString("code"));
        assertTrue(p7.getString("updated_at").compareTo(p7.getString("created_at")) > 0);

        // deleted patient 2 is invisible and its code stays taken: a new patient of doctor 1 gets
        // a code none of the old rows has, the deleted one's included
        assertEquals(404, api.put("patients/2", "{\"name\":\"x\"}", doctor1).status());
        List<String> oldCodes = TestDb.strings("SELECT code FROM patients WHERE created_by = 1 AND id <= ?", LAST_LEGACY_PATIENT);
        assertTrue(oldCodes.contains("001-001"), "the fixture's deleted patient 2 holds 001-001: " + oldCodes);
        Api.Reply created = api.post("patients", "{\"name\":\"새 환자\"}", doctor1);
        assertEquals(201, created.status(), created.body());
        String code = created.json().getString("code");
        assertTrue(code.startsWith("001-") && !oldCodes.contains(code), code + " collides with " + oldCodes);
        assertTrue(created.json().getInt("id") > LAST_LEGACY_PATIENT, "the adopted sequence continues");
    }

    @Test
    void newAccountsContinueTheOldSequences() {
        Api.Session s = api.doctor();
        assertTrue(s.userId() >= 5, "user ids continue after the old rows: " + s.userId());
    }

    /** Other tests may add patients to the fixture's doctors: only the old rows are asserted. */
    private static List<Integer> legacyIds(JsonArray patients) {
        return patients.stream().map(v -> v.asJsonObject().getInt("id")).filter(id -> id <= LAST_LEGACY_PATIENT).toList();
    }
}
