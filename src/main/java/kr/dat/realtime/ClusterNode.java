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
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This node of the cluster: its id, its heartbeat row in {@code cluster_nodes} (a node that stops
 * beating for {@value #DEAD_AFTER_SECONDS} s is removed with its headset presence by any other
 * node), and one dedicated pooled connection that {@code LISTEN}s to the {@link ClusterBus} and
 * hands every message to the {@link RealtimeDispatcher}.
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

    @Resource(lookup = "java:jboss/datasources/DatDS")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RealtimeDispatcher dispatcher;

    private final String nodeId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Connection listenConnection;
    private Thread listener;
    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        execute("INSERT INTO cluster_nodes (node_id, started_at, heartbeat_at) VALUES (?, "
                + "now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc')", nodeId);
        listener = threads.newThread(this::listen);
        listener.setName("dat-cluster-listener");
        listener.start();
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
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
            heartbeat.cancel(false);
        }
        Connection c = listenConnection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
        }
        try {
            execute("DELETE FROM cluster_nodes WHERE node_id = ?", nodeId); // cascades to headset_presence
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not deregister node " + nodeId + "; other nodes remove it after "
                    + DEAD_AFTER_SECONDS + " s", e);
        }
        LOG.info(() -> "Cluster node " + nodeId + " stopped");
    }

    public String id() {
        return nodeId;
    }

    private void beat() {
        try {
            execute("UPDATE cluster_nodes SET heartbeat_at = now() AT TIME ZONE 'utc' WHERE node_id = ?", nodeId);
            execute("DELETE FROM cluster_nodes WHERE heartbeat_at < (now() AT TIME ZONE 'utc') - make_interval(secs => ?) "
                    + "AND node_id <> ?", DEAD_AFTER_SECONDS, nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Heartbeat failed; retrying in " + HEARTBEAT_SECONDS + " s", e);
        }
    }

    private void listen() {
        long backoffMs = 200;
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                listenConnection = c;
                st.execute("LISTEN " + ClusterBus.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                listening.countDown();
                backoffMs = 200;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        dispatcher.deliver(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Cluster listener lost its connection; reconnecting in " + backoffMs + " ms", e);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5000);
            }
        }
    }

    private void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cluster bookkeeping failed: " + e.getSQLState(), e);
        }
    }

    private static String hostName() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h.length() > 40 ? h.substring(0, 40) : h;
        } catch (Exception e) {
            return "node";
        }
    }
}
