package kr.dat.diagnosis;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code diagnosisstate} enum. READY and STARTED are live, the others final; which change is
 * allowed when, and to whom, is {@link Diagnosis#moveTo}'s to say.
 */
public enum DiagnosisState {
    READY, STARTED, CANCELLED, FAILED, COMPLETED, EXPIRED;

    public static final Set<DiagnosisState> LIVE = EnumSet.of(READY, STARTED);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    public boolean isTerminal() {
        return !isLive();
    }

    /** Order of progress, so a stream never shows an older state after a newer one. */
    public int rank() {
        return switch (this) {
            case READY -> 0;
            case STARTED -> 1;
            default -> 2;
        };
    }
}
