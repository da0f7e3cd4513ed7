package kr.dat.diagnosis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kr.dat.platform.persistence.Lookups;
import org.hibernate.Session;

@ApplicationScoped
public class DiagnosisRepository {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    /**
     * READY or STARTED, one parameter per state ({@link #live} binds them): Hibernate caches no query
     * plan for a query bound with a collection, so {@code IN :states} was translated anew every time.
     */
    private static final String IS_LIVE = "d.state IN (" + String.join(", ",
            DiagnosisState.LIVE.stream().map(s -> ":live" + s.ordinal()).toList()) + ")";

    private static <Q extends Query> Q live(Q query) {
        for (DiagnosisState s : DiagnosisState.LIVE) {
            query.setParameter("live" + s.ordinal(), s);
        }
        return query;
    }

    public Optional<Diagnosis> find(int id) {
        return Lookups.find(em, Diagnosis.class, id);
    }

    /** The doctor's READY/STARTED sessions, overdue ones included. */
    public List<Diagnosis> findLiveOfDoctor(int doctorId) {
        return live(em.createQuery("SELECT d FROM Diagnosis d WHERE d.doctorId = :doctor AND " + IS_LIVE
                        + " AND d.deleted = false AND d.resultPending = false ORDER BY d.id", Diagnosis.class))
                .setParameter("doctor", doctorId)
                .getResultList();
    }

    public List<Diagnosis> findLiveOfPatient(int patientId) {
        return live(em.createQuery("SELECT d FROM Diagnosis d WHERE d.patientId = :patient AND " + IS_LIVE
                        + " AND d.deleted = false AND d.resultPending = false ORDER BY d.id", Diagnosis.class))
                .setParameter("patient", patientId)
                .getResultList();
    }

    /** A session whose result was received is finished only by that result: it does not expire. */
    private static final String NO_PENDING_RESULT = " AND d.resultPending = false";

    /** Ids of live sessions whose time is up. */
    public List<Integer> findOverdueIds(LocalDateTime now, int max) {
        return live(em.createQuery("SELECT d.id FROM Diagnosis d WHERE " + IS_LIVE + " AND d.expiredAt <= :now"
                        + NO_PENDING_RESULT + " ORDER BY d.expiredAt", Integer.class))
                .setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    public void persist(Diagnosis d) {
        em.persist(d);
    }

    public void flush() {
        em.flush();
    }

    /**
     * Applies the move if its conditions still hold in the database (see {@link Diagnosis#moveTo}).
     * Returns whether this call won: two concurrent moves can never both succeed.
     */
    public boolean apply(Diagnosis.Move m) {
        // Plain JDBC on the transaction's connection: Hibernate 6 interprets and translates a JPQL
        // UPDATE anew on every execution (it caches the plans of queries, not of updates), half of
        // this method's CPU in the push benchmark's profile. As the JPQL update did, pending
        // changes of the persistence context are flushed first.
        em.flush();
        return em.unwrap(Session.class).doReturningWork(c -> applyOn(c, m));
    }

    /** {@link #apply} on a connection: the UPDATE that re-checks the move's conditions in the row. */
    static boolean applyOn(Connection c, Diagnosis.Move m) throws SQLException {
        if (m.fromAny().isEmpty()) {
            return false;
        }
        String timing = switch (m.timing()) {
            case ANY -> "";
            case BEFORE_EXPIRY -> " AND expired_at > ?";
            case AFTER_EXPIRY -> " AND expired_at <= ?";
        };
        String sql = "UPDATE diagnoses SET state = ?::diagnosisstate, updated_at = ?, failure_reason = ?, "
                + "result_pending = false WHERE id = ? AND state IN ("
                + String.join(", ", Collections.nCopies(m.fromAny().size(), "?::diagnosisstate")) + ")" + timing
                + (m.evenWithResultPending() ? "" : " AND result_pending = false");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int k = 1;
            ps.setString(k++, m.to().name());
            ps.setObject(k++, m.at()); // LocalDateTime as it is: naive UTC, as Hibernate binds it
            ps.setString(k++, m.reason());
            ps.setInt(k++, m.diagnosisId());
            for (DiagnosisState from : m.fromAny()) {
                ps.setString(k++, from.name());
            }
            if (m.timing() != Diagnosis.Timing.ANY) {
                ps.setObject(k, m.at());
            }
            return ps.executeUpdate() == 1;
        }
    }

    /** The headset's result was durably received: the session now waits only for storage. */
    public boolean markResultPending(int id) {
        return live(em.createQuery("UPDATE Diagnosis d SET d.resultPending = true WHERE d.id = :id AND " + IS_LIVE))
                .setParameter("id", id).executeUpdate() == 1;
    }

    /** Hands the patient's live sessions to another headset socket; the number of sessions moved. */
    public int assignHeadset(int patientId, String connectionId) {
        return live(em.createQuery("UPDATE Diagnosis d SET d.headsetConnection = :conn WHERE d.patientId = :patient "
                        + "AND " + IS_LIVE + " AND d.deleted = false "
                        + "AND (d.headsetConnection IS NULL OR d.headsetConnection <> :conn)"))
                .setParameter("conn", connectionId).setParameter("patient", patientId).executeUpdate();
    }

    /** READY/STARTED sessions, cluster-wide (the metric). */
    public long countLive() {
        return live(em.createQuery("SELECT count(d) FROM Diagnosis d WHERE " + IS_LIVE + " AND d.deleted = false", Long.class))
                .getSingleResult();
    }

    /** Re-reads the row after a bulk update. */
    public Diagnosis reload(int id) {
        Diagnosis d = Lookups.find(em, Diagnosis.class, id).orElseThrow();
        em.refresh(d);
        return d;
    }
}
