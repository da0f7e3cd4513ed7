package kr.dat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Publishes a message to every node of the cluster through PostgreSQL {@code NOTIFY}. Inside a
 * transaction the message is delivered only when that transaction commits (and dropped on
 * rollback), so listeners never see a change that did not happen.
 */
@ApplicationScoped
public class ClusterBus {

    /** The channel every node listens on. */
    public static final String CHANNEL = "dat_events";

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    @Transactional
    public void publish(JsonObject message) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                .setParameter("channel", CHANNEL)
                .setParameter("payload", message.toString())
                .getSingleResult();
    }
}
