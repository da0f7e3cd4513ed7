package kr.dat.diagnosis;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.patient.PatientService;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.Constraints;
import kr.dat.platform.rest.DomainException;

/**
 * Diagnosis sessions. {@link #transition} is the one place where a diagnosis changes state: a
 * conditional update, a log line, and the events that reach SSE watchers and the headset.
 */
@ApplicationScoped
@Transactional
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DiagnosisRepository diagnoses;

    @Inject
    PatientService patients;

    @Inject
    HeadsetPresence presence;

    @Inject
    AuditLog audit;

    @Inject
    Event<DiagnosisEvents.StateChanged> stateChanged;

    @Inject
    Event<DiagnosisEvents.StartHeadset> startHeadset;

    @Inject
    Event<DiagnosisEvents.StopHeadset> stopHeadset;

    @Inject
    AppConfig config;

    public record Started(int id, String code, LocalDateTime expiredAt) {
    }

    /** Starts a session on the patient's connected headset (docs/protocol.md §4, checks in the contract's order). */
    public Started start(int doctorId, int patientId, DiagnosisType type, int level) {
        patients.requireOwnActive(doctorId, patientId);
        String headset = presence.connectionOf(patientId)
                .orElseThrow(() -> DomainException.badRequest(DiagnosisMessages.PATIENT_NOT_CONNECTED));
        LocalDateTime now = Times.nowUtc();
        for (Diagnosis live : diagnoses.findLiveOfDoctor(doctorId)) {
            if (!expireIfOverdue(live, now)) {
                throw DomainException.badRequest(DiagnosisMessages.ALREADY_LIVE);
            }
        }
        Diagnosis d = new Diagnosis(doctorId, patientId, newCode(), type, level, now,
                now.plus(config.diagnosisSession()), headset);
        try {
            diagnoses.persist(d);
            diagnoses.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) { // a concurrent /start of the same doctor won
                throw DomainException.badRequest(DiagnosisMessages.ALREADY_LIVE);
            }
            throw e;
        }
        LOG.info(() -> "Diagnosis " + d.id() + " READY (doctor " + doctorId + ", patient " + patientId
                + ", " + type + " level " + level + ")");
        audit.request(AuditAction.SESSION_START, patientId, d.id(), type + " level " + level);
        stateChanged.fire(new DiagnosisEvents.StateChanged(d.id(), doctorId, patientId, DiagnosisState.READY, now));
        startHeadset.fire(new DiagnosisEvents.StartHeadset(patientId, d.id(), type, level));
        return new Started(d.id(), d.code(), d.expiredAt());
    }

    /** The doctor's live, unexpired session. */
    public Started live(int doctorId) {
        LocalDateTime now = Times.nowUtc();
        for (Diagnosis d : diagnoses.findLiveOfDoctor(doctorId)) {
            if (!expireIfOverdue(d, now)) {
                return new Started(d.id(), d.code(), d.expiredAt());
            }
        }
        throw DomainException.notFound(DiagnosisMessages.NO_LIVE);
    }

    /** An overdue session is expired, and stays so, though the cancel is refused. */
    @Transactional(dontRollbackOn = DomainException.class)
    public void cancel(int doctorId, int diagnosisId) {
        Diagnosis d = requireOwn(doctorId, diagnosisId);
        LocalDateTime now = Times.nowUtc();
        if (expireIfOverdue(d, now) || !transition(d, DiagnosisState.CANCELLED, Diagnosis.Cause.DOCTOR, now, null)) {
            throw DomainException.badRequest(DiagnosisMessages.ALREADY_FINISHED);
        }
        audit.request(AuditAction.SESSION_CANCEL, d.patientId(), diagnosisId, null);
    }

    /** The diagnosis as a doctor may see it: 404 if missing, 403 if another doctor's. Overdue → EXPIRED first. */
    public Diagnosis status(int doctorId, int diagnosisId) {
        Diagnosis d = requireOwn(doctorId, diagnosisId);
        if (expireIfOverdue(d, Times.nowUtc())) {
            return diagnoses.reload(diagnosisId);
        }
        return d;
    }

    // ---- headset reports (docs/protocol.md §6): only this patient's live diagnosis ----

    public boolean headsetStarted(int patientId, String connectionId, int diagnosisId) {
        return headsetMove(patientId, connectionId, diagnosisId, DiagnosisState.STARTED, null);
    }

    public boolean headsetFailed(int patientId, String connectionId, int diagnosisId) {
        return headsetMove(patientId, connectionId, diagnosisId, DiagnosisState.FAILED, "the headset reported a failure");
    }

    /** The socket the patient's live session belongs to, if it has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> liveHeadsetConnection(int patientId) {
        LocalDateTime now = Times.nowUtc();
        return diagnoses.findLiveOfPatient(patientId).stream()
                .filter(d -> d.isLiveAt(now) && d.headsetConnection() != null)
                .map(Diagnosis::headsetConnection).findFirst();
    }

    /** A new socket of the patient took over: its live session belongs to that socket now. */
    public boolean takeOver(int patientId, String connectionId) {
        return diagnoses.assignHeadset(patientId, connectionId) > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Diagnosis> find(int diagnosisId) {
        return diagnoses.find(diagnosisId);
    }

    /** Whether this socket of the patient's headset may upload a result for this diagnosis now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Diagnosis> acceptingResult(int patientId, String connectionId, int diagnosisId) {
        return diagnoses.find(diagnosisId)
                .filter(d -> d.belongsToPatient(patientId) && d.reportableFrom(connectionId) && d.isLiveAt(Times.nowUtc()));
    }

    /**
     * The headset's result for this session is durably held: from now on only that result ends
     * the session (COMPLETED or FAILED, when storage allows). It is no longer the doctor's live
     * session — a new one may start — and neither a cancel nor the expiry can discard it.
     */
    public boolean markResultPending(int diagnosisId) {
        boolean marked = diagnoses.markResultPending(diagnosisId);
        if (marked) {
            LOG.info(() -> "Diagnosis " + diagnosisId + " has its result; waiting for storage only");
        }
        return marked;
    }

    /** Ends a session that produced a result or failed while processing one. */
    public boolean finish(int diagnosisId, DiagnosisState outcome, String reason) {
        if (outcome != DiagnosisState.COMPLETED && outcome != DiagnosisState.FAILED) {
            throw new IllegalArgumentException("a result ends a session as COMPLETED or FAILED, not " + outcome);
        }
        return diagnoses.find(diagnosisId)
                .map(d -> transition(d, outcome, Diagnosis.Cause.RESULT, Times.nowUtc(), reason))
                .orElse(false);
    }

    private boolean headsetMove(int patientId, String connectionId, int diagnosisId, DiagnosisState next, String reason) {
        Optional<Diagnosis> d = diagnoses.find(diagnosisId);
        if (d.isEmpty() || !d.get().belongsToPatient(patientId)) {
            LOG.warning(() -> "Headset of patient " + patientId + " reported " + next + " for diagnosis "
                    + diagnosisId + " which is not its own: ignored");
            return false;
        }
        if (!d.get().reportableFrom(connectionId)) {
            LOG.warning(() -> "Security: socket " + connectionId + " of patient " + patientId + " reported " + next
                    + " for diagnosis " + diagnosisId + ", which belongs to another socket: ignored");
            return false;
        }
        boolean moved = transition(d.get(), next, Diagnosis.Cause.HEADSET, Times.nowUtc(), reason);
        if (!moved) {
            LOG.info(() -> "Headset report " + next + " for diagnosis " + diagnosisId + " in state "
                    + d.get().state() + ": ignored");
        }
        return moved;
    }

    // ---- expiry ----

    /** Expires every overdue live session (called by the timer; safe on many nodes at once). */
    public int expireOverdue(int max) {
        LocalDateTime now = Times.nowUtc();
        int n = 0;
        for (Integer id : diagnoses.findOverdueIds(now, max)) {
            Optional<Diagnosis> d = diagnoses.find(id);
            if (d.isPresent() && transition(d.get(), DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK, now, null)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the session is over by time (expired now, unless a result is still being stored). */
    private boolean expireIfOverdue(Diagnosis d, LocalDateTime now) {
        return transition(d, DiagnosisState.EXPIRED, Diagnosis.Cause.CLOCK, now, null);
    }

    /** A deleted patient's live session is cancelled and the headset told to stop. */
    void onPatientDeleted(@Observes @Priority(Interceptor.Priority.APPLICATION) PatientService.PatientDeleted deleted) {
        LocalDateTime now = Times.nowUtc();
        for (Diagnosis d : diagnoses.findLiveOfPatient(deleted.patientId())) {
            transition(d, DiagnosisState.CANCELLED, Diagnosis.Cause.DOCTOR, now, "the patient was deleted");
        }
    }

    // ---- the one place a state changes ----

    /** Moves the session if {@link Diagnosis#moveTo} allows it and no concurrent change came first; then tells everyone. */
    private boolean transition(Diagnosis d, DiagnosisState next, Diagnosis.Cause cause, LocalDateTime now, String reason) {
        Optional<Diagnosis.Move> move = d.moveTo(next, cause, now, reason);
        if (move.isEmpty() || !diagnoses.apply(move.get())) {
            return false;
        }
        DiagnosisState from = move.get().from();
        LOG.info(() -> "Diagnosis " + d.id() + " " + from + " -> " + next + " (" + cause + ", doctor " + d.doctorId()
                + ", patient " + d.patientId() + (reason == null ? "" : ", reason: " + reason) + ")");
        stateChanged.fire(new DiagnosisEvents.StateChanged(d.id(), d.doctorId(), d.patientId(), next, now));
        if (next == DiagnosisState.CANCELLED || next == DiagnosisState.EXPIRED) {
            stopHeadset.fire(new DiagnosisEvents.StopHeadset(d.patientId(), d.id()));
        }
        return true;
    }

    private Diagnosis requireOwn(int doctorId, int diagnosisId) {
        Diagnosis d = diagnoses.find(diagnosisId)
                .orElseThrow(() -> DomainException.notFound(DiagnosisMessages.NOT_FOUND));
        if (!d.belongsToDoctor(doctorId)) {
            throw DomainException.forbidden(DiagnosisMessages.NOT_YOURS);
        }
        return d;
    }

    private static String newCode() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
