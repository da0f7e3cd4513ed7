package kr.dat.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class DiagnosisStateTest {

    @Test
    void lifecycle() {
        assertTrue(DiagnosisState.READY.canMoveTo(DiagnosisState.STARTED));
        for (DiagnosisState end : EnumSet.of(DiagnosisState.CANCELLED, DiagnosisState.FAILED,
                DiagnosisState.COMPLETED, DiagnosisState.EXPIRED)) {
            assertTrue(DiagnosisState.READY.canMoveTo(end), "READY -> " + end);
            assertTrue(DiagnosisState.STARTED.canMoveTo(end), "STARTED -> " + end);
            assertTrue(end.isTerminal());
            for (DiagnosisState any : DiagnosisState.values()) {
                assertFalse(end.canMoveTo(any), "terminal " + end + " is final, not -> " + any);
            }
        }
        assertFalse(DiagnosisState.STARTED.canMoveTo(DiagnosisState.READY));
        assertFalse(DiagnosisState.STARTED.canMoveTo(DiagnosisState.STARTED));
        assertFalse(DiagnosisState.READY.canMoveTo(DiagnosisState.READY));
    }

    @Test
    void rankOrdersProgress() {
        assertTrue(DiagnosisState.READY.rank() < DiagnosisState.STARTED.rank());
        assertTrue(DiagnosisState.STARTED.rank() < DiagnosisState.COMPLETED.rank());
        assertEquals(DiagnosisState.EXPIRED.rank(), DiagnosisState.CANCELLED.rank());
    }
}
