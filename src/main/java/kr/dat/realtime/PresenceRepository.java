package kr.dat.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import kr.dat.diagnosis.HeadsetPresence;
import kr.dat.platform.persistence.Lookups;

/**
 * Cluster-wide presence of headsets ({@code headset_presence}): which node holds the newest socket
 * of each patient. A row counts only while its node is alive: this node, or one whose heartbeat is fresh.
 */
@ApplicationScoped
public class PresenceRepository implements HeadsetPresence {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    @Inject
    NodeIdentity node;

    @Inject
    ClusterBus bus;

    /**
     * The row's node is alive: this node (it is answering, even if its heartbeat could not be
     * written during a database stall), or one whose heartbeat is fresh.
     */
    private static final String FRESH_NODE = " AND (p.node_id = :self"
            + " OR n.heartbeat_at > (now() AT TIME ZONE 'utc') - make_interval(secs => :dead))";

    /** The patient's registered socket, on a node that is alive. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> connectionOf(int patientId) {
        return Lookups.first(em.createNativeQuery("SELECT p.connection_id FROM headset_presence p JOIN cluster_nodes n ON n.node_id = p.node_id "
                        + "WHERE p.patient_id = :patient" + FRESH_NODE)
                .setParameter("patient", patientId)
                .setParameter("self", node.id())
                .setParameter("dead", ClusterNode.DEAD_AFTER_SECONDS), String.class);
    }

    /** Whether the socket is still the patient's and answered a ping (or connected) within {@code seconds}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAlive(int patientId, String connectionId, int seconds) {
        return !em.createNativeQuery("SELECT 1 FROM headset_presence p JOIN cluster_nodes n ON n.node_id = p.node_id "
                        + "WHERE p.patient_id = :patient AND p.connection_id = :conn" + FRESH_NODE
                        + " AND COALESCE(p.alive_at, p.connected_at) > (now() AT TIME ZONE 'utc') - make_interval(secs => :alive)")
                .setParameter("patient", patientId).setParameter("conn", connectionId)
                .setParameter("self", node.id())
                .setParameter("dead", ClusterNode.DEAD_AFTER_SECONDS).setParameter("alive", seconds)
                .getResultList().isEmpty();
    }

    /**
     * Forgets presence rows of this node whose socket it no longer holds (a disconnect whose
     * unregister failed during a database outage, a handshake that never opened), so /start never
     * sends to a ghost. Rows younger than 30 s are left to the handshake in progress.
     */
    @Transactional
    public int sweep(java.util.Collection<String> heldConnectionIds) {
        return em.createNativeQuery("DELETE FROM headset_presence WHERE node_id = :node "
                        + "AND NOT (connection_id = ANY(CAST(:ids AS varchar[]))) "
                        + "AND connected_at < (now() AT TIME ZONE 'utc') - make_interval(secs => 30)")
                .setParameter("node", node.id())
                .setParameter("ids", "{" + String.join(",", heldConnectionIds) + "}")
                .executeUpdate();
    }

    /** These sockets of this node answered their pings. One statement per ping round. */
    @Transactional
    public void touch(List<String> connectionIds) {
        em.createNativeQuery("UPDATE headset_presence SET alive_at = now() AT TIME ZONE 'utc' "
                        + "WHERE node_id = :node AND connection_id = ANY(CAST(:ids AS varchar[]))")
                .setParameter("node", node.id())
                .setParameter("ids", "{" + String.join(",", connectionIds) + "}")
                .executeUpdate();
    }

    /** This node now holds the patient's socket {@code connectionId}; the others are told to let go. */
    @Transactional
    public void register(int patientId, String connectionId) {
        em.createNativeQuery("INSERT INTO headset_presence (patient_id, node_id, connection_id, connected_at) "
                        + "VALUES (:patient, :node, :conn, now() AT TIME ZONE 'utc') ON CONFLICT (patient_id) DO UPDATE "
                        + "SET node_id = EXCLUDED.node_id, connection_id = EXCLUDED.connection_id, "
                        + "connected_at = EXCLUDED.connected_at, alive_at = NULL")
                .setParameter("patient", patientId).setParameter("node", node.id()).setParameter("conn", connectionId)
                .executeUpdate();
        bus.publish(BusMessages.keepOnly(patientId, connectionId));
    }

    /**
     * After this node was taken for dead: claims the patient's presence again unless the patient
     * connected elsewhere meanwhile (that newer socket keeps it; this one will be told to go).
     */
    @Transactional
    public void restore(int patientId, String connectionId) {
        int claimed = em.createNativeQuery("INSERT INTO headset_presence (patient_id, node_id, connection_id, connected_at) "
                        + "VALUES (:patient, :node, :conn, now() AT TIME ZONE 'utc') ON CONFLICT (patient_id) DO NOTHING")
                .setParameter("patient", patientId).setParameter("node", node.id()).setParameter("conn", connectionId)
                .executeUpdate();
        if (claimed == 0) {
            String newer = Lookups.first(em.createNativeQuery("SELECT connection_id FROM headset_presence WHERE patient_id = :patient")
                    .setParameter("patient", patientId), String.class).orElse(connectionId);
            if (!newer.equals(connectionId)) {
                bus.publish(BusMessages.keepOnly(patientId, newer));
            }
        }
    }

    /** The socket closed; forget it unless a newer socket of the patient took its place. */
    @Transactional
    public void unregister(int patientId, String connectionId) {
        em.createNativeQuery("DELETE FROM headset_presence WHERE patient_id = :patient AND connection_id = :conn")
                .setParameter("patient", patientId).setParameter("conn", connectionId)
                .executeUpdate();
    }
}
