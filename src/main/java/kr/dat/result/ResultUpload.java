package kr.dat.result;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A result accepted from a headset and not yet fully stored (table {@code result_uploads}). Only
 * written and read through {@link ResultRepository}'s statements and projections: loading the
 * entity would load its content (up to 10 MB).
 */
@Entity
@Table(name = "result_uploads")
public class ResultUpload {

    @Id
    @Column(name = "diagnosis_id")
    private Integer diagnosisId;

    @Column(name = "patient_id", nullable = false)
    private Integer patientId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content")
    private String content;

    @Column(name = "raw_stored", nullable = false)
    private boolean rawStored;

    @Column(name = "done", nullable = false)
    private boolean done;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private LocalDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "received_at", nullable = false)
    private LocalDateTime receivedAt;

    protected ResultUpload() {
    }
}
