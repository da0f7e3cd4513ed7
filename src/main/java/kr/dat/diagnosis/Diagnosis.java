package kr.dat.diagnosis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A diagnosis session (table {@code diagnoses}). Its state is changed only by
 * {@link DiagnosisService}, through conditional updates; the entity only answers questions.
 */
@Entity
@Table(name = "diagnoses")
public class Diagnosis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "doctor_id", nullable = false)
    private Integer doctorId;

    @Column(name = "patient_id", nullable = false)
    private Integer patientId;

    @Column(nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "diagnosistype")
    private DiagnosisType type;

    @Column(nullable = false)
    private int level;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "diagnosisstate")
    private DiagnosisState state;

    @Column(name = "expired_at", nullable = false)
    private LocalDateTime expiredAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** A result was durably received and waits for storage: the session is the doctor's no longer. */
    @Column(name = "result_pending", nullable = false)
    private boolean resultPending;

    /** The headset socket the session was started on, or that took it over; null for the old server's rows. */
    @Column(name = "headset_connection", length = 36)
    private String headsetConnection;

    protected Diagnosis() {
    }

    Diagnosis(int doctorId, int patientId, String code, DiagnosisType type, int level,
              LocalDateTime now, LocalDateTime expiredAt, String headsetConnection) {
        this.doctorId = doctorId;
        this.patientId = patientId;
        this.code = Objects.requireNonNull(code);
        this.type = Objects.requireNonNull(type);
        this.level = level;
        this.state = DiagnosisState.READY;
        this.expiredAt = Objects.requireNonNull(expiredAt);
        this.createdAt = now;
        this.updatedAt = now;
        this.headsetConnection = headsetConnection;
    }

    /**
     * Whether a report or upload from this socket counts for the session: only the socket the
     * session belongs to. Sessions begun before the upgrade (no socket recorded) accept the
     * patient's sockets, as before.
     */
    public boolean reportableFrom(String connectionId) {
        return headsetConnection == null || headsetConnection.equals(connectionId);
    }

    /** Live and not past its expiry time. */
    public boolean isLiveAt(LocalDateTime nowUtc) {
        return state.isLive() && expiredAt.isAfter(nowUtc);
    }

    /** Past its time and not waiting for a result it already has (such a session never expires). */
    public boolean isOverdueAt(LocalDateTime nowUtc) {
        return state.isLive() && !resultPending && !expiredAt.isAfter(nowUtc);
    }

    public boolean resultPending() {
        return resultPending;
    }

    public boolean belongsToDoctor(int doctorId) {
        return this.doctorId == doctorId;
    }

    public boolean belongsToPatient(int patientId) {
        return this.patientId == patientId;
    }

    public Integer id() {
        return id;
    }

    public Integer doctorId() {
        return doctorId;
    }

    public Integer patientId() {
        return patientId;
    }

    public String code() {
        return code;
    }

    public DiagnosisType type() {
        return type;
    }

    public int level() {
        return level;
    }

    public DiagnosisState state() {
        return state;
    }

    public LocalDateTime expiredAt() {
        return expiredAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    public String headsetConnection() {
        return headsetConnection;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Diagnosis other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Diagnosis.class.hashCode();
    }
}
