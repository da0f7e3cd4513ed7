package kr.dat.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.rest.Jsonp;
import org.hibernate.Session;

/**
 * Publishes a message to every node of the cluster. Other nodes get it through PostgreSQL
 * {@code NOTIFY}, which delivers only when the publishing transaction commits (and drops it on
 * rollback); this node delivers it itself right after the commit, without the round trip, and
 * ignores its own notification. Either way nobody sees a change that did not happen.
 */
@ApplicationScoped
public class ClusterBus {

    /** The channel every node listens on. */
    public static final String CHANNEL = "dat_events";
    /** Field naming the node that published a message. */
    static final String ORIGIN = "o";
    private static final Logger LOG = Logger.getLogger(ClusterBus.class.getName());

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    NodeIdentity node;

    @Inject
    RealtimeDispatcher dispatcher;

    @Transactional
    public void publish(JsonObject message) {
        JsonObject stamped = Jsonp.PROVIDER.createObjectBuilder(message).add(ORIGIN, node.id()).build();
        String payload = stamped.toString();
        // on the transaction's own connection, in plain JDBC: Hibernate's native query machinery
        // around this one statement (plan, binding, result mapping) was about a tenth of the CPU of
        // relaying a state change (JFR of the push benchmark)
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, CHANNEL);
                ps.setString(2, payload);
                ps.execute();
            }
        });
        afterCommit().add(message);
    }

    /** The messages of the current transaction, delivered here, in order, once it has committed. */
    @SuppressWarnings("unchecked")
    private List<JsonObject> afterCommit() {
        List<JsonObject> pending = (List<JsonObject>) transactions.getResource(ClusterBus.class);
        if (pending == null) {
            List<JsonObject> messages = new ArrayList<>();
            transactions.putResource(ClusterBus.class, messages);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return;
                    }
                    for (JsonObject m : messages) {
                        try {
                            dispatcher.deliver(m);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "Local delivery of a cluster message failed: " + m, e);
                        }
                    }
                }
            });
            pending = messages;
        }
        return pending;
    }
}
