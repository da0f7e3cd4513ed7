package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;

/**
 * The headset sockets of this node, one per patient (the newest), from their handshake on.
 * Cluster-wide presence is kept by {@link PresenceRepository}; this is the local half that can
 * actually send. Which socket is the newest is decided by the presence row (the database), not by
 * the order in which messages happen to arrive here.
 */
@ApplicationScoped
public class HeadsetRegistry {

    /** Close code for an unknown or deleted patient code. */
    static final int UNKNOWN_PATIENT = 4004;
    private static final long NEVER_OPENED_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(HeadsetRegistry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    PresenceRepository presence;

    @Inject
    AppConfig config;

    private final Map<Integer, HeadsetConnection> byPatient = new ConcurrentHashMap<>();
    private final Map<Session, HeadsetConnection> bySession = new ConcurrentHashMap<>();
    private Periodic pings;
    /** Each socket is pinged in its own slot (from its id) of the ping interval's slices. */
    private int pingSlots;
    /** Sockets that answered their pings, written to the presence table once a second (scheduler thread only). */
    private final List<String> alive = new ArrayList<>();
    private long lastWarning = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    @PostConstruct
    void start() {
        pingSlots = config.headsetPingSeconds() * Periodic.SLICES_PER_SECOND;
        pings = Periodic.everySlice(scheduler, pingSlots, "Headset ping slice", this::pingSlice);
    }

    @PreDestroy
    void stop() {
        if (pings != null) {
            pings.close();
        }
    }

    /**
     * A socket admitted at its handshake (already the patient's presence): it is the patient's
     * connection on this node from now on, and an older local one is replaced.
     */
    void add(HeadsetConnection conn) {
        HeadsetConnection previous = byPatient.put(conn.patientId(), conn);
        if (previous != null && previous != conn) {
            replace(previous);
        }
    }

    /** The admitted socket opened. */
    void attach(Session session, HeadsetConnection conn) {
        bySession.put(session, conn);
        conn.attach(session);
    }

    /** The socket closed: forget it, but only if it is still the one registered. */
    HeadsetConnection remove(Session session) {
        HeadsetConnection conn = bySession.remove(session);
        if (conn != null) {
            byPatient.remove(conn.patientId(), conn);
        }
        return conn;
    }

    HeadsetConnection get(Session session) {
        return bySession.get(session);
    }

    /** Sends a frame to the patient's headset if its socket is on this node (held until it opens). */
    void sendToPatient(int patientId, String frame) {
        HeadsetConnection conn = byPatient.get(patientId);
        if (conn != null) {
            conn.send(frame);
        }
    }

    /**
     * Another socket of the patient registered (here or on another node). The local one goes
     * unless the presence row says it is the newest: a late message of an older socket's
     * registration must not close the newer socket (the reconnect race).
     */
    void keepOnly(int patientId, String connectionId) {
        HeadsetConnection local = byPatient.get(patientId);
        if (local == null || local.id().equals(connectionId)) {
            return;
        }
        executor.execute(() -> {
            try {
                Optional<String> newest = presence.connectionOf(patientId);
                if (newest.isPresent() && newest.get().equals(local.id())) {
                    LOG.fine(() -> "Stale replacement of patient " + patientId + "'s socket ignored: it is the newest");
                    return;
                }
                if (byPatient.remove(patientId, local)) {
                    replace(local);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not check which socket of patient " + patientId + " is the newest", e);
            }
        });
    }

    /** The patient was deleted: its socket is closed as for an unknown code. */
    void closePatient(int patientId) {
        HeadsetConnection conn = byPatient.remove(patientId);
        if (conn != null) {
            // a live session was cancelled in the same transaction, and its s_stop_diagnosis queued first
            conn.closeAfterPending(new CloseReason(CloseReason.CloseCodes.getCloseCode(UNKNOWN_PATIENT), "patient deleted"));
        }
    }

    /** Headset sockets open on this node. */
    int openCount() {
        return bySession.size();
    }

    Collection<HeadsetConnection> connections() {
        return List.copyOf(byPatient.values());
    }

    private void replace(HeadsetConnection old) {
        LOG.info(() -> "Headset of patient " + old.patientId() + " connected again; closing the older socket");
        old.sendThenClose(HeadsetFrames.forceDisconnect(),
                new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a newer connection"));
    }

    /**
     * Every slice of a second, the sockets of one slot: records which answered their last ping (their
     * live sessions stay theirs) and pings them again, so that each socket is pinged once per ping
     * interval and the pings are spread over it. Once a second the answers go to the presence table
     * in one statement; once per interval it forgets sockets whose handshake never led to an open and
     * presence rows of sockets it no longer holds (a failed unregister heals here).
     */
    private void pingSlice(int slot) {
        List<HeadsetConnection> due = new ArrayList<>();
        for (HeadsetConnection conn : bySession.values()) {
            if (pingSlot(conn.id(), pingSlots) == slot) {
                due.add(conn);
                if (conn.takePonged()) {
                    alive.add(conn.id());
                }
            }
        }
        due.forEach(HeadsetConnection::ping); // first: a slow database must not hold up this slice's pings
        try {
            if (slot % Periodic.SLICES_PER_SECOND == 0 && !alive.isEmpty()) { // once a second
                List<String> answered = List.copyOf(alive);
                alive.clear(); // a failed write is not retried: the next interval's answers refresh them
                presence.touch(answered);
            }
            if (slot == 0) {
                forgetStale();
            }
        } catch (RuntimeException e) {
            // during a database outage this fails every second: one warning per ping interval is enough
            long now = System.nanoTime();
            boolean warn = now - lastWarning > TimeUnit.SECONDS.toNanos(config.headsetPingSeconds());
            if (warn) {
                lastWarning = now;
            }
            LOG.log(warn ? Level.WARNING : Level.FINE, "Headset liveness bookkeeping failed", e);
        }
    }

    /** A socket's slot among {@code slots}: fixed for its life, and the sockets spread evenly (ids are random UUIDs). */
    static int pingSlot(String connectionId, int slots) {
        return Math.floorMod(connectionId.hashCode(), slots);
    }

    private void forgetStale() {
        for (HeadsetConnection conn : byPatient.values()) {
            if (conn.neverOpened(NEVER_OPENED_NANOS) && byPatient.remove(conn.patientId(), conn)) {
                LOG.info(() -> "Headset handshake of patient " + conn.patientId() + " never opened; forgotten");
            }
        }
        List<String> held = byPatient.values().stream().map(HeadsetConnection::id).toList();
        int ghosts = presence.sweep(held);
        if (ghosts > 0) {
            LOG.info(() -> ghosts + " presence row(s) of sockets this node no longer holds removed");
        }
    }
}
