package kr.dat.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The audit table: inserts (a batch in a transaction of its own), queries, retention. */
@ApplicationScoped
public class AuditWriter {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    private static final String INSERT = "INSERT INTO audit_events (at, action, user_id, login_id, patient_id, diagnosis_id, "
            + "address, user_agent, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Events in the order they happened, in one transaction: one JDBC batch, one commit. Plain
     * inserts, not {@code persist}: an entity with a database-generated id is inserted one
     * statement at a time, and every record read adds an event. The events themselves are not
     * touched, so a batch whose transaction failed can be given again as it is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(java.util.List<AuditEvent> batch) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (AuditEvent e : batch) {
                    ps.setObject(1, e.at()); // LocalDateTime as it is: naive UTC, as Hibernate writes it here
                    ps.setString(2, e.action());
                    ps.setObject(3, e.userId(), java.sql.Types.INTEGER);
                    ps.setString(4, e.loginId());
                    ps.setObject(5, e.patientId(), java.sql.Types.INTEGER);
                    ps.setObject(6, e.diagnosisId(), java.sql.Types.INTEGER);
                    ps.setString(7, e.address());
                    ps.setString(8, e.userAgent());
                    ps.setString(9, e.detail());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** A page of events, newest first, with the filters that are set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.List<AuditEvent> find(Integer userId, Integer patientId, java.time.LocalDateTime from,
                                           java.time.LocalDateTime to, int offset, int limit) {
        return filtered("SELECT e FROM AuditEvent e", " ORDER BY e.id DESC", AuditEvent.class, userId, patientId, from, to)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Integer userId, Integer patientId, java.time.LocalDateTime from, java.time.LocalDateTime to) {
        return filtered("SELECT count(e) FROM AuditEvent e", "", Long.class, userId, patientId, from, to).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> filtered(String select, String order, Class<T> type, Integer userId,
                                                          Integer patientId, java.time.LocalDateTime from,
                                                          java.time.LocalDateTime to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (userId != null) {
            where.append(" AND e.userId = :user");
        }
        if (patientId != null) {
            where.append(" AND e.patientId = :patient");
        }
        if (from != null) {
            where.append(" AND e.at >= :from");
        }
        if (to != null) {
            where.append(" AND e.at <= :to");
        }
        jakarta.persistence.TypedQuery<T> q = em.createQuery(select + where + order, type);
        if (userId != null) {
            q.setParameter("user", userId);
        }
        if (patientId != null) {
            q.setParameter("patient", patientId);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return q;
    }

    /** Removes events older than the retention time; the number removed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteBefore(java.time.LocalDateTime cutoff) {
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.at < :cutoff").setParameter("cutoff", cutoff).executeUpdate();
    }
}
