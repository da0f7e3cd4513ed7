package kr.dat.diagnosis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kr.dat.platform.persistence.RowEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A diagnosis session (table {@code diagnoses}) and the rules of its state. {@link #moveTo} says
 * whether a change is allowed and under which conditions; {@link DiagnosisService} applies the
 * answer as one conditional UPDATE ({@link DiagnosisRepository#apply}), so that of two concurrent
 * changes exactly one wins, and announces it.
 *
 * <pre>
 *   READY → STARTED                the headset, before the expiry
 *   READY/STARTED → FAILED         the headset (before the expiry), or its result (rejected CSV, too large)
 *   READY/STARTED → COMPLETED      its result (READY → COMPLETED: a headset that never said c_diagnosis_started)
 *   READY/STARTED → CANCELLED      the doctor (also by deleting the patient)
 *   READY/STARTED → EXPIRED        the clock, once the expiry time has passed
 * </pre>
 * A session whose result was received ({@code result_pending}) is ended by that result only: it
 * neither expires nor can be cancelled. CANCELLED, FAILED, COMPLETED and EXPIRED are final.
 */
@Entity
@Table(name = "diagnoses")
public class Diagnosis extends RowEntity {

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
        super(now);
        this.doctorId = doctorId;
        this.patientId = patientId;
        this.code = Objects.requireNonNull(code);
        this.type = Objects.requireNonNull(type);
        this.level = level;
        this.state = DiagnosisState.READY;
        this.expiredAt = Objects.requireNonNull(expiredAt);
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

    /** Who asks for a change of state. */
    public enum Cause { HEADSET, RESULT, DOCTOR, CLOCK }

    /** What the session's expiry time must say for a change to hold. */
    public enum Timing { ANY, BEFORE_EXPIRY, AFTER_EXPIRY }

    /**
     * An allowed change, with the conditions it was allowed under: still in one of {@code from},
     * the {@code timing} against {@code at}, and (unless {@code evenWithResultPending}) no result
     * received meanwhile. The repository's UPDATE re-checks exactly these.
     */
    public record Move(int diagnosisId, DiagnosisState from, DiagnosisState to, Cause cause, Set<DiagnosisState> fromAny,
                       Timing timing, boolean evenWithResultPending, LocalDateTime at, String reason) {
    }

    /** The change {@code cause} asks for, if this session (as read) allows it. */
    public Optional<Move> moveTo(DiagnosisState next, Cause cause, LocalDateTime nowUtc, String reason) {
        return move(id(), state, resultPending, expiredAt, next, cause, nowUtc, reason);
    }

    /** {@link #moveTo} for a session in this state, with this expiry and pending flag. */
    static Optional<Move> move(Integer id, DiagnosisState state, boolean resultPending, LocalDateTime expiredAt,
                               DiagnosisState next, Cause cause, LocalDateTime nowUtc, String reason) {
        Set<DiagnosisState> from = allowedFrom(next, cause);
        Timing timing = switch (cause) {
            case HEADSET -> Timing.BEFORE_EXPIRY;
            case CLOCK -> Timing.AFTER_EXPIRY;
            case RESULT, DOCTOR -> Timing.ANY;
        };
        boolean evenWithResultPending = cause == Cause.RESULT;
        boolean timeHolds = switch (timing) {
            case ANY -> true;
            case BEFORE_EXPIRY -> expiredAt.isAfter(nowUtc);
            case AFTER_EXPIRY -> !expiredAt.isAfter(nowUtc);
        };
        if (!from.contains(state) || !timeHolds || (resultPending && !evenWithResultPending)) {
            return Optional.empty();
        }
        return Optional.of(new Move(id, state, next, cause, from, timing, evenWithResultPending, nowUtc, reason));
    }

    /** The states {@code cause} may move a session from into {@code next}; empty for a change it may never make. */
    static Set<DiagnosisState> allowedFrom(DiagnosisState next, Cause cause) {
        boolean allowed = switch (cause) {
            case HEADSET -> next == DiagnosisState.STARTED || next == DiagnosisState.FAILED;
            case RESULT -> next == DiagnosisState.COMPLETED || next == DiagnosisState.FAILED;
            case DOCTOR -> next == DiagnosisState.CANCELLED;
            case CLOCK -> next == DiagnosisState.EXPIRED;
        };
        if (!allowed) {
            return EnumSet.noneOf(DiagnosisState.class);
        }
        return next == DiagnosisState.STARTED ? EnumSet.of(DiagnosisState.READY) : EnumSet.copyOf(DiagnosisState.LIVE);
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

    public String headsetConnection() {
        return headsetConnection;
    }
}
