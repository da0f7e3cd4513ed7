package kr.dat.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.platform.persistence.Constraints;
import kr.dat.platform.rest.DomainException;

/** A doctor's patients. Every method is one transaction; ownership is checked here. */
@ApplicationScoped
@Transactional
public class PatientService {

    /** A doctor may keep at most this many active patients. */
    public static final int MAX_ACTIVE_PATIENTS = 999;

    private static final Logger LOG = Logger.getLogger(PatientService.class.getName());

    @Inject
    AuditLog audit;

    @Inject
    PatientRepository patients;

    @Inject
    Event<PatientDeleted> deletedEvent;

    /** Fired inside the deleting transaction; observers act after commit. */
    public record PatientDeleted(int patientId, String code, int doctorId) {
    }

    public Patient create(int doctorId, String name, String requestedCode) {
        long active = patients.countActive(doctorId);
        if (active >= MAX_ACTIVE_PATIENTS) {
            throw DomainException.badRequest(String.format(PatientMessages.TOO_MANY, doctorId));
        }
        String code;
        if (requestedCode == null || requestedCode.isEmpty()) {
            String prefix = PatientCodes.prefix(doctorId);
            patients.lockPrefix(prefix);
            code = PatientCodes.next(doctorId, active, patients.codesWithPrefix(prefix));
        } else {
            if (patients.codeTaken(requestedCode)) {
                throw DomainException.badRequest(PatientMessages.CODE_TAKEN);
            }
            code = requestedCode;
        }
        Patient patient = new Patient(code, name.strip(), doctorId);
        try {
            patients.persist(patient);
            patients.flush();
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) { // taken concurrently
                throw DomainException.badRequest(PatientMessages.CODE_TAKEN);
            }
            throw e;
        }
        LOG.info(() -> "Doctor " + doctorId + " registered patient " + patient.id() + " (" + patient.code() + ")");
        audit.request(AuditAction.PATIENT_CREATE, patient.id(), null, null);
        return patient;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Patient> list(int doctorId) {
        return patients.listActive(doctorId);
    }

    public Patient rename(int doctorId, int patientId, String newName) {
        Patient patient = active(patientId);
        if (!patient.isOwnedBy(doctorId)) {
            throw DomainException.forbidden(PatientMessages.UPDATE_NOT_OWNER);
        }
        if (newName != null) {
            patient.rename(newName.strip());
        }
        audit.request(AuditAction.PATIENT_UPDATE, patientId, null, newName == null ? "unchanged" : "name");
        return patient;
    }

    public void delete(int doctorId, int patientId) {
        Patient patient = active(patientId);
        if (!patient.isOwnedBy(doctorId)) {
            throw DomainException.forbidden(PatientMessages.DELETE_NOT_OWNER);
        }
        patient.delete();
        deletedEvent.fire(new PatientDeleted(patient.id(), patient.code(), doctorId));
        LOG.info(() -> "Doctor " + doctorId + " deleted patient " + patientId);
        audit.request(AuditAction.PATIENT_DELETE, patientId, null, null);
    }

    /** An active patient by its headset code (what the VR WebSocket connects with). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Patient> findActiveByCode(String code) {
        return patients.findActiveByCode(code);
    }

    /** The caller's own active patient, or 404 (missing, deleted and other doctors' patients look the same). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Patient requireOwnActive(int doctorId, int patientId) {
        return patients.find(patientId)
                .filter(p -> !p.isDeleted() && p.isOwnedBy(doctorId))
                .orElseThrow(() -> DomainException.notFound(PatientMessages.NOT_FOUND));
    }

    /**
     * Whether the doctor registered this patient, deleted or not: the one ownership rule (a deleted
     * patient's records stay the doctor's to read).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean registeredBy(int doctorId, int patientId) {
        return patients.find(patientId).filter(p -> p.isOwnedBy(doctorId)).isPresent();
    }

    private Patient active(int patientId) {
        return patients.find(patientId).filter(p -> !p.isDeleted())
                .orElseThrow(() -> DomainException.notFound(PatientMessages.NOT_FOUND));
    }
}
