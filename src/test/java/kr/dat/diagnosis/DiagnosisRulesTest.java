package kr.dat.diagnosis;

import static kr.dat.diagnosis.DiagnosisState.CANCELLED;
import static kr.dat.diagnosis.DiagnosisState.COMPLETED;
import static kr.dat.diagnosis.DiagnosisState.EXPIRED;
import static kr.dat.diagnosis.DiagnosisState.FAILED;
import static kr.dat.diagnosis.DiagnosisState.READY;
import static kr.dat.diagnosis.DiagnosisState.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.dat.diagnosis.Diagnosis.Cause;
import org.junit.jupiter.api.Test;

/** The state rules of {@link Diagnosis#moveTo}, as a table written out by hand. */
class DiagnosisRulesTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 3, 0);
    private static final LocalDateTime LATER = NOW.plusMinutes(30);
    private static final LocalDateTime EARLIER = NOW.minusSeconds(1);

    private static boolean allowed(DiagnosisState from, boolean pending, LocalDateTime expiry, DiagnosisState to, Cause cause) {
        Optional<Diagnosis.Move> m = Diagnosis.move(7, from, pending, expiry, to, cause, NOW, null);
        m.ifPresent(move -> {
            assertEquals(from, move.from());
            assertTrue(move.fromAny().contains(from));
            assertEquals(NOW, move.at());
        });
        return m.isPresent();
    }

    /** Every change allowed for an unexpired session without a pending result, as "FROM->TO by CAUSE". */
    @Test
    void theWholeTableBeforeTheExpiry() {
        assertEquals(List.of(
                "READY->STARTED by HEADSET", "READY->CANCELLED by DOCTOR", "READY->FAILED by HEADSET",
                "READY->FAILED by RESULT", "READY->COMPLETED by RESULT",
                "STARTED->CANCELLED by DOCTOR", "STARTED->FAILED by HEADSET", "STARTED->FAILED by RESULT",
                "STARTED->COMPLETED by RESULT"), allowedChanges(false, LATER));
    }

    @Test
    void afterTheExpiryTheHeadsetIsTooLateAndTheClockMayEndIt() {
        assertEquals(List.of(
                "READY->CANCELLED by DOCTOR", "READY->FAILED by RESULT", "READY->COMPLETED by RESULT",
                "READY->EXPIRED by CLOCK",
                "STARTED->CANCELLED by DOCTOR", "STARTED->FAILED by RESULT", "STARTED->COMPLETED by RESULT",
                "STARTED->EXPIRED by CLOCK"), allowedChanges(false, EARLIER));
    }

    @Test
    void aReceivedResultIsTheOnlyThingThatEndsItsSession() {
        assertEquals(List.of(
                "READY->FAILED by RESULT", "READY->COMPLETED by RESULT",
                "STARTED->FAILED by RESULT", "STARTED->COMPLETED by RESULT"), allowedChanges(true, EARLIER));
    }

    @Test
    void theConditionsTravelWithTheMoveForTheDatabaseToRecheck() {
        Diagnosis.Move byHeadset = Diagnosis.move(7, READY, false, LATER, STARTED, Cause.HEADSET, NOW, null).orElseThrow();
        assertEquals(Diagnosis.Timing.BEFORE_EXPIRY, byHeadset.timing());
        assertEquals(java.util.EnumSet.of(READY), byHeadset.fromAny());
        assertEquals(false, byHeadset.evenWithResultPending());
        Diagnosis.Move byClock = Diagnosis.move(7, STARTED, false, EARLIER, EXPIRED, Cause.CLOCK, NOW, null).orElseThrow();
        assertEquals(Diagnosis.Timing.AFTER_EXPIRY, byClock.timing());
        assertEquals(DiagnosisState.LIVE, byClock.fromAny());
        Diagnosis.Move byResult = Diagnosis.move(7, STARTED, true, EARLIER, COMPLETED, Cause.RESULT, NOW, "r").orElseThrow();
        assertEquals(Diagnosis.Timing.ANY, byResult.timing());
        assertEquals(true, byResult.evenWithResultPending());
        assertEquals("r", byResult.reason());
    }

    @Test
    void rankOrdersProgress() {
        assertTrue(READY.rank() < STARTED.rank());
        assertTrue(STARTED.rank() < COMPLETED.rank());
        assertEquals(EXPIRED.rank(), CANCELLED.rank());
    }

    private static List<String> allowedChanges(boolean pending, LocalDateTime expiry) {
        List<String> out = new ArrayList<>();
        for (DiagnosisState from : DiagnosisState.values()) {
            for (DiagnosisState to : DiagnosisState.values()) {
                for (Cause cause : Cause.values()) {
                    if (allowed(from, pending, expiry, to, cause)) {
                        out.add(from + "->" + to + " by " + cause);
                    }
                }
            }
        }
        for (DiagnosisState end : List.of(CANCELLED, FAILED, COMPLETED, EXPIRED)) {
            assertTrue(out.stream().noneMatch(c -> c.startsWith(end + "->")), end + " is final");
        }
        return out;
    }
}
