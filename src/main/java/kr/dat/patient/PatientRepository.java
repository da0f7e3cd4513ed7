package kr.dat.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.dat.platform.persistence.Lookups;

@ApplicationScoped
public class PatientRepository {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    public Optional<Patient> find(int id) {
        return Lookups.find(em, Patient.class, id);
    }

    public Optional<Patient> findActiveByCode(String code) {
        return Lookups.first(em.createQuery("SELECT p FROM Patient p WHERE p.code = :code AND p.deleted = false", Patient.class)
                .setParameter("code", code));
    }

    public List<Patient> listActive(int doctorId) {
        return em.createQuery("SELECT p FROM Patient p WHERE p.doctorId = :doctor AND p.deleted = false "
                        + "ORDER BY p.id", Patient.class)
                .setParameter("doctor", doctorId).getResultList();
    }

    public long countActive(int doctorId) {
        return em.createQuery("SELECT COUNT(p) FROM Patient p WHERE p.doctorId = :doctor AND p.deleted = false",
                        Long.class)
                .setParameter("doctor", doctorId).getSingleResult();
    }

    public boolean codeTaken(String code) {
        return !em.createQuery("SELECT p.id FROM Patient p WHERE p.code = :code", Integer.class)
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
    }

    /** Every code that starts with the prefix, deleted patients' included. */
    public Set<String> codesWithPrefix(String prefix) {
        return new HashSet<>(em.createQuery("SELECT p.code FROM Patient p WHERE p.code LIKE :prefix", String.class)
                .setParameter("prefix", prefix + "-%").getResultList());
    }

    /**
     * Serialises code assignment for one prefix until the transaction ends (doctors 1 and 1001
     * share the prefix {@code 001}), so two concurrent creations cannot pick the same code.
     */
    public void lockPrefix(String prefix) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) AS locked")
                .setParameter("key", "patient-code:" + prefix).getSingleResult();
    }

    public void persist(Patient p) {
        em.persist(p);
    }

    public void flush() {
        em.flush();
    }
}
