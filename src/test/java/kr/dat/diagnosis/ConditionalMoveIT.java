package kr.dat.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import kr.dat.devstack.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UPDATE behind every change of state re-checks, in the row itself, the conditions the move
 * was allowed under: a move computed from a stale read (another node or request got there first,
 * the clock passed the expiry, a result arrived) changes nothing. Runs the repository's statement
 * on a database of its own, migrated to the current schema, so the server's timers never touch it.
 */
class ConditionalMoveIT {

    /** A wall time that does not exist in Central Europe (clocks went forward): any zone conversion would show. */
    private static final LocalDateTime EXPIRY = LocalDateTime.of(2026, 3, 29, 2, 30);
    private static final LocalDateTime BEFORE = EXPIRY.minusSeconds(1);
    private static final LocalDateTime AFTER = EXPIRY.plusSeconds(1);

    private static DataSource db;
    private static int sessions;

    @BeforeAll
    static void freshDatabase() throws SQLException {
        DataSource ds = ScratchDatabase.create("conditional_move");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        db = ds;
    }

    @Test
    void aMoveHappensOnceAndWritesItsStateTimeAndReason() throws SQLException {
        int id = session("READY", false);
        Diagnosis.Move start = move(id, DiagnosisState.READY, false, DiagnosisState.STARTED, Diagnosis.Cause.HEADSET, BEFORE, null);
        assertTrue(apply(start));
        assertEquals("STARTED " + BEFORE + " null false", row(id));
        assertFalse(apply(start), "the same move again: the row is no longer READY");
        assertEquals("STARTED " + BEFORE + " null false", row(id));

        Diagnosis.Move fail = move(id, DiagnosisState.STARTED, false, DiagnosisState.FAILED, Diagnosis.Cause.HEADSET, AFTER.minusSeconds(2),
                "the headset reported a failure");
        assertTrue(apply(fail));
        assertEquals("FAILED " + AFTER.minusSeconds(2) + " the headset reported a failure false", row(id));
    }

    @Test
    void aStaleReadOfTheStateChangesNothing() throws SQLException {
        int id = session("CANCELLED", false);
        // read while it was still READY: every cause's move was allowed then
        assertFalse(apply(move(id, DiagnosisState.READY, false, DiagnosisState.STARTED, Diagnosis.Cause.HEADSET, BEFORE, null)));
        assertFalse(apply(move(id, DiagnosisState.READY, false, DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK, AFTER, null)));
        assertFalse(apply(move(id, DiagnosisState.READY, false, DiagnosisState.COMPLETED, Diagnosis.Cause.RESULT, BEFORE, null)));
        assertEquals("CANCELLED " + EXPIRY.minusHours(1) + " null false", row(id));
    }

    @Test
    void theExpiryIsCheckedAgainstTheMovesTimeInTheRow() throws SQLException {
        int id = session("READY", false);
        // the caller's read said "not yet expired" / "expired", but the row's expiry says otherwise
        Diagnosis.Move late = new Diagnosis.Move(id, DiagnosisState.READY, DiagnosisState.STARTED, Diagnosis.Cause.HEADSET,
                java.util.EnumSet.of(DiagnosisState.READY), Diagnosis.Timing.BEFORE_EXPIRY, false, EXPIRY, null);
        assertFalse(apply(late), "at the expiry itself a headset report is too late");
        Diagnosis.Move early = new Diagnosis.Move(id, DiagnosisState.READY, DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK,
                java.util.EnumSet.copyOf(DiagnosisState.LIVE), Diagnosis.Timing.AFTER_EXPIRY, false, BEFORE, null);
        assertFalse(apply(early), "a second before the expiry the clock may not expire it");
        assertEquals("READY " + EXPIRY.minusHours(1) + " null false", row(id));
        assertTrue(apply(move(id, DiagnosisState.READY, false, DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK, EXPIRY, null)),
                "at the expiry the clock expires it");
        assertEquals("EXPIRED " + EXPIRY + " null false", row(id));
    }

    @Test
    void aReceivedResultBlocksEveryMoveButItsOwn() throws SQLException {
        int id = session("STARTED", true);
        // read before the result arrived
        assertFalse(apply(move(id, DiagnosisState.STARTED, false, DiagnosisState.FAILED, Diagnosis.Cause.HEADSET, BEFORE, "x")));
        assertFalse(apply(move(id, DiagnosisState.STARTED, false, DiagnosisState.CANCELLED, Diagnosis.Cause.DOCTOR, BEFORE, null)));
        assertFalse(apply(move(id, DiagnosisState.STARTED, false, DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK, AFTER, null)));
        assertEquals("STARTED " + EXPIRY.minusHours(1) + " null true", row(id));
        assertTrue(apply(move(id, DiagnosisState.STARTED, true, DiagnosisState.COMPLETED, Diagnosis.Cause.RESULT, AFTER, null)),
                "the result's own move completes it, even after the expiry");
        assertEquals("COMPLETED " + AFTER + " null false", row(id));
    }

    private static Diagnosis.Move move(int id, DiagnosisState read, boolean pendingRead, DiagnosisState next, Diagnosis.Cause cause,
                                       LocalDateTime at, String reason) {
        return Diagnosis.move(id, read, pendingRead, EXPIRY, next, cause, at, reason)
                .orElseThrow(() -> new AssertionError("the rules refuse " + read + " -> " + next + " by " + cause));
    }

    private static boolean apply(Diagnosis.Move m) throws SQLException {
        try (Connection c = db.getConnection()) {
            return DiagnosisRepository.applyOn(c, m);
        }
    }

    /** A session of a doctor and patient of its own (a doctor has one live session at most). */
    private static int session(String state, boolean resultPending) throws SQLException {
        int n = ++sessions;
        int userId = insert("INSERT INTO users (login_id, hashed_password, name, role, is_verified, is_deleted, created_at, "
                + "updated_at) VALUES ('moves" + n + "', 'x', 'Moves', 'DOCTOR', true, false, now(), now()) RETURNING id");
        int doctorId = insert("INSERT INTO doctors (user_id, is_deleted, created_at, updated_at) VALUES (" + userId
                + ", false, now(), now()) RETURNING id");
        int patientId = insert("INSERT INTO patients (code, name, created_by, is_deleted, created_at, updated_at) VALUES "
                + "('M-" + n + "', 'P', " + doctorId + ", false, now(), now()) RETURNING id");
        return insert("INSERT INTO diagnoses (doctor_id, patient_id, code, type, level, state, expired_at, is_deleted, "
                + "created_at, updated_at, result_pending) VALUES (" + doctorId + ", " + patientId + ", 'ABC123', 'BALANCEBALL', 1, '"
                + state + "', TIMESTAMP '" + EXPIRY + "', false, TIMESTAMP '" + EXPIRY.minusHours(1) + "', TIMESTAMP '"
                + EXPIRY.minusHours(1) + "', " + resultPending + ") RETURNING id");
    }

    /** state, updated_at, failure_reason, result_pending */
    private static String row(int id) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state::text, updated_at, failure_reason, result_pending "
                     + "FROM diagnoses WHERE id = ?")) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1) + " " + rs.getObject(2, LocalDateTime.class) + " " + rs.getString(3) + " " + rs.getBoolean(4);
            }
        }
    }

    private static int insert(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
