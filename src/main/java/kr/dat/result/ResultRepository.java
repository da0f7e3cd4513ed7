package kr.dat.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import kr.dat.platform.persistence.Lookups;

@ApplicationScoped
public class ResultRepository {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    /**
     * Stores the upload unless one exists for the diagnosis already, leased to the caller until
     * {@code leasedUntil} (its first attempt); true if this one was taken.
     */
    public boolean claim(int diagnosisId, int patientId, String fileName, String content, LocalDateTime now,
                         LocalDateTime leasedUntil) {
        return em.createNativeQuery("INSERT INTO result_uploads (diagnosis_id, patient_id, file_name, content, attempts, "
                        + "next_attempt_at, received_at) VALUES (:d, :p, :f, :c, 1, :until, :now) ON CONFLICT (diagnosis_id) DO NOTHING")
                .setParameter("d", diagnosisId)
                .setParameter("p", patientId)
                .setParameter("f", fileName)
                .setParameter("c", content)
                .setParameter("until", leasedUntil)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Takes the right to work on an upload for {@code leaseSeconds}: false if it is done, or another
     * worker (on any node) holds it. A worker that dies loses it when the lease runs out.
     */
    public boolean lease(int diagnosisId, LocalDateTime now, int leaseSeconds) {
        return em.createQuery("UPDATE ResultUpload u SET u.nextAttemptAt = :until, u.attempts = u.attempts + 1 "
                        + "WHERE u.diagnosisId = :id AND u.done = false AND u.nextAttemptAt <= :now")
                .setParameter("until", now.plusSeconds(leaseSeconds))
                .setParameter("now", now)
                .setParameter("id", diagnosisId)
                .executeUpdate() == 1;
    }

    /** Where an upload stands, without its content (up to 10 MB). */
    public record Progress(Integer patientId, String fileName, boolean rawStored, boolean done, int attempts) {
    }

    public Optional<Progress> progress(int diagnosisId) {
        return Lookups.first(em.createQuery("SELECT new kr.dat.result.ResultRepository$Progress(u.patientId, u.fileName, u.rawStored, u.done, u.attempts) "
                        + "FROM ResultUpload u WHERE u.diagnosisId = :id", Progress.class)
                .setParameter("id", diagnosisId));
    }

    /** The held content (read only when it is not in memory: a retry, another node, a restart). */
    public Optional<String> content(int diagnosisId) {
        return Lookups.first(em.createQuery("SELECT u.content FROM ResultUpload u WHERE u.diagnosisId = :id", String.class)
                .setParameter("id", diagnosisId));
    }

    public void markRawStored(int diagnosisId) {
        em.createQuery("UPDATE ResultUpload u SET u.rawStored = true WHERE u.diagnosisId = :id")
                .setParameter("id", diagnosisId).executeUpdate();
    }

    public void retryAt(int diagnosisId, LocalDateTime when, String error) {
        em.createQuery("UPDATE ResultUpload u SET u.nextAttemptAt = :when, u.lastError = :error WHERE u.diagnosisId = :id")
                .setParameter("when", when).setParameter("error", error).setParameter("id", diagnosisId)
                .executeUpdate();
    }

    /** Finished (the original is in the bucket); {@link #dropContent} then drops the held text. */
    public void markDone(int diagnosisId, String note) {
        em.createQuery("UPDATE ResultUpload u SET u.done = true, u.lastError = :note WHERE u.diagnosisId = :id")
                .setParameter("note", note).setParameter("id", diagnosisId).executeUpdate();
    }

    /** The held text of a finished upload, dropped (its own statement: deleting 10 MB of TOAST takes a while). */
    public void dropContent(int diagnosisId) {
        em.createQuery("UPDATE ResultUpload u SET u.content = NULL WHERE u.diagnosisId = :id AND u.done = true "
                        + "AND u.content IS NOT NULL")
                .setParameter("id", diagnosisId).executeUpdate();
    }

    /** The same for up to {@code max} finished uploads that still hold it (a crash between the two); how many. */
    public int dropStoredContent(int max) {
        return em.createNativeQuery("UPDATE result_uploads SET content = NULL WHERE diagnosis_id IN (SELECT diagnosis_id "
                        + "FROM result_uploads WHERE done AND content IS NOT NULL LIMIT :max)")
                .setParameter("max", max).executeUpdate();
    }

    public List<Integer> duePending(LocalDateTime now, int max) {
        return em.createQuery("SELECT u.diagnosisId FROM ResultUpload u WHERE u.done = false AND u.nextAttemptAt <= :now "
                        + "ORDER BY u.nextAttemptAt", Integer.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    public void persist(DiagnosisResult result) {
        em.persist(result);
    }
}
