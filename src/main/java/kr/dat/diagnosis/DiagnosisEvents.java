package kr.dat.diagnosis;

import java.time.LocalDateTime;

/**
 * CDI events fired by {@link DiagnosisService} inside its transaction. The realtime feature turns
 * them into cluster notifications that PostgreSQL delivers only when the transaction commits.
 */
public final class DiagnosisEvents {

    private DiagnosisEvents() {
    }

    /** A diagnosis changed state; {@code updatedAt} (naive UTC) is the SSE timestamp. */
    public record StateChanged(int diagnosisId, int doctorId, int patientId, DiagnosisState state,
                               LocalDateTime updatedAt) {
    }

    /** Start a session on the patient's headset ({@code s_start_diagnosis}). */
    public record StartHeadset(int patientId, int diagnosisId, DiagnosisType type, int level) {
    }

    /** Stop the session on the patient's headset ({@code s_stop_diagnosis}). */
    public record StopHeadset(int patientId, int diagnosisId) {
    }
}
