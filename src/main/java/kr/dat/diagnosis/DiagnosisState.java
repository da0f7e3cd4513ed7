package kr.dat.diagnosis;

import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code diagnosisstate} enum and its rules: READY → STARTED → COMPLETED/FAILED, and
 * READY/STARTED → CANCELLED/EXPIRED. Terminal states are final.
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

    /** The states from which a diagnosis may move to this one. */
    public Set<DiagnosisState> sources() {
        return switch (this) {
            case READY -> EnumSet.noneOf(DiagnosisState.class);
            case STARTED -> EnumSet.of(READY);
            case CANCELLED, FAILED, COMPLETED, EXPIRED -> EnumSet.copyOf(LIVE);
        };
    }

    public boolean canMoveTo(DiagnosisState next) {
        return next.sources().contains(this);
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
