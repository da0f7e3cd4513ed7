package kr.dat.result;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import kr.dat.platform.persistence.RowEntity;

/** The stored result of a COMPLETED diagnosis (table {@code diagnosis_results}). Metrics may be NULL in old rows. */
@Entity
@Table(name = "diagnosis_results")
public class DiagnosisResult extends RowEntity {

    @Column(name = "diagnosis_id", nullable = false)
    private Integer diagnosisId;

    @Column(name = "original_file_path", nullable = false)
    private String originalFilePath;

    @Column(name = "processed_file_path")
    private String processedFilePath;

    private Double score;

    @Column(name = "time_spent")
    private Double timeSpent;

    private Double fps;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    protected DiagnosisResult() {
    }

    DiagnosisResult(int diagnosisId, String originalFilePath, String processedFilePath, ScoredResult r, LocalDateTime now) {
        super(now);
        this.diagnosisId = diagnosisId;
        this.originalFilePath = Objects.requireNonNull(originalFilePath);
        this.processedFilePath = processedFilePath;
        this.score = r.score();
        this.timeSpent = r.timeSpent();
        this.fps = r.fps();
    }

    public Integer diagnosisId() {
        return diagnosisId;
    }

    public String originalFilePath() {
        return originalFilePath;
    }

    public String processedFilePath() {
        return processedFilePath;
    }

    public Double score() {
        return score;
    }

    public Double timeSpent() {
        return timeSpent;
    }

    public Double fps() {
        return fps;
    }

    /** The last segment of the processed path (or of the original one). */
    public String fileName() {
        String path = processedFilePath != null ? processedFilePath : originalFilePath;
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
