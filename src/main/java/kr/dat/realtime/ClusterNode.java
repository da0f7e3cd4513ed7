package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kr.dat.platform.persistence.DataSources;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This node of the cluster: its id, its heartbeat row in {@code cluster_nodes} (a node that stops
 * beating for {@value #DEAD_AFTER_SECONDS} s is removed with its headset presence by any other
 * node), and one dedicated pooled connection that {@code LISTEN}s to the {@link ClusterBus} and
 * hands the other nodes' messages to the {@link RealtimeDispatcher}.
 */
@Startup
@Singleton
@DependsOn("FlywayMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterNode {

    static final int HEARTBEAT_SECONDS = 5;
    static final int DEAD_AFTER_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

    @Resource(lookup = DataSources.DAT)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RealtimeDispatcher dispatcher;

    @Inject
    NodeIdentity identity;

    /** identity's id, kept here: @PreDestroy deregisters with it when the CDI contexts may be ending. */
    private String nodeId;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;
    private Thread listener;
    private Periodic heartbeat;

    @PostConstruct
    void start() {
        nodeId = identity.id();
        execute("INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at) VALUES (?, "
                + "now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc')", nodeId);
        listener = threads.newThread(this::listen);
        listener.setName("dat-cluster-listener");
        listener.start();
        heartbeat = Periodic.every(scheduler, HEARTBEAT_SECONDS, "Cluster heartbeat", this::beat);
        try {
            if (!listening.await(10, TimeUnit.SECONDS)) {
                LOG.warning("Cluster listener not ready after 10 s; it keeps trying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info(() -> "Cluster node " + nodeId + " up, listening on channel " + ClusterBus.CHANNEL);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (listener != null) {
            try {
                listener.join(5000); // it sees running == false within 0.5 s and UNLISTENs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (listener.isAlive()) {
                listener.interrupt();
            }
        }
        try {
            execute("DELETE FROM cluster_nodes WHERE node_id = ?", nodeId); // cascades to headset_presence
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not deregister node " + nodeId + "; other nodes remove it after "
                    + DEAD_AFTER_SECONDS + " s", e);
        }
        LOG.info(() -> "Cluster node " + nodeId + " stopped");
    }

    private void beat() {
        try {
            if (execute("UPDATE cluster_nodes SET heartbeat_at = now() AT TIME ZONE 'utc' WHERE node_id = ?", nodeId) == 0) {
                // the others took this node for dead (a long pause?) and removed it with its headsets
                LOG.warning(() -> "Cluster node " + nodeId + " was removed by the other nodes; joining again");
                execute("INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at) VALUES (?, now() AT TIME ZONE 'utc', "
                        + "now() AT TIME ZONE 'utc') ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at",
                        nodeId);
                dispatcher.rejoined();
            }
            execute("DELETE FROM cluster_nodes WHERE heartbeat_at < (now() AT TIME ZONE 'utc') - make_interval(secs => ?) "
                    + "AND node_id <> ?", DEAD_AFTER_SECONDS, nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Heartbeat failed; retrying in " + HEARTBEAT_SECONDS + " s", e);
        }
    }

    private void listen() {
        long backoffMs = 200;
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try {
                    listenOn(c);
                    backoffMs = 200;
                } catch (SQLException | RuntimeException e) {
                    // The failure came through the driver's own API, which the pool's exception sorter
                    // does not see: touch the connection through the pool's wrapper so that a broken one
                    // is destroyed instead of being lent to a request.
                    try (Statement probe = c.createStatement()) {
                        probe.execute("SELECT 1");
                    } catch (SQLException broken) {
                        // expected when the connection is gone
                    }
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                long wait = backoffMs;
                LOG.log(Level.WARNING, "Cluster listener lost its connection; reconnecting in " + wait + " ms", e);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    /** LISTENs until the node stops; UNLISTENs before the connection goes back to the pool. */
    private void listenOn(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + ClusterBus.CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        if (listening.getCount() == 0) {
            dispatcher.reconnected(); // notifications sent while we were away are lost: catch up
        }
        listening.countDown();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(500);
            if (notifications == null) {
                continue;
            }
            for (PGNotification n : notifications) {
                dispatcher.deliverNotification(n.getParameter(), nodeId);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("UNLISTEN *"); // a pooled connection must not keep collecting notifications
        }
    }

    private int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cluster bookkeeping failed: " + e.getSQLState(), e);
        }
    }
}
