package kr.dat.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import kr.dat.platform.rest.DatabaseUnavailable;

/**
 * {@code em.find} that never mistakes a database failure for "not there". Hibernate returns null
 * from {@code find} when the JDBC call failed and the JTA transaction is already marked for
 * rollback (HHH-12472, for IronJacamar): a broken pooled connection then read as "no such user"
 * and logged doctors out with a 401 during a PostgreSQL restart. Here that case is an outage.
 */
public final class Lookups {

    private static volatile TransactionSynchronizationRegistry registry;

    private Lookups() {
    }

    public static <T> Optional<T> find(EntityManager em, Class<T> type, Object id) {
        T found = em.find(type, id);
        if (found == null && rollbackOnly()) {
            throw new DatabaseUnavailable.Exception("a lookup of " + type.getSimpleName() + " failed in a transaction "
                    + "marked for rollback (the database connection broke)");
        }
        return Optional.ofNullable(found);
    }

    /**
     * The first row of a query, if any. Not {@code getResultStream().findFirst()}: inside a
     * transaction that stream is a scroll whose result set and statement stay open until the
     * transaction ends, since nothing closes the stream.
     */
    public static <T> Optional<T> first(TypedQuery<T> query) {
        return query.setMaxResults(1).getResultList().stream().findFirst();
    }

    /** {@link #first(TypedQuery)} for a native query whose one column is a {@code type}. */
    public static <T> Optional<T> first(Query query, Class<T> type) {
        return query.setMaxResults(1).getResultList().stream().findFirst().map(type::cast);
    }

    private static boolean rollbackOnly() {
        TransactionSynchronizationRegistry r = registry;
        if (r == null) {
            try {
                r = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
                registry = r;
            } catch (NamingException e) {
                return false;
            }
        }
        try {
            return r.getTransactionKey() != null && r.getRollbackOnly();
        } catch (IllegalStateException noTransaction) {
            return false;
        }
    }
}
