package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The headset sockets open on this node, one per patient (the newest). Cluster-wide presence is
 * kept by {@link PresenceRepository}; this is the local half that can actually send.
 */
@ApplicationScoped
public class HeadsetRegistry {

    static final int PING_SECONDS = 20;
    /** Close code for an unknown or deleted patient code. */
    static final int UNKNOWN_PATIENT = 4004;
    private static final Logger LOG = Logger.getLogger(HeadsetRegistry.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<Integer, HeadsetConnection> byPatient = new ConcurrentHashMap<>();
    private final Map<Session, HeadsetConnection> bySession = new ConcurrentHashMap<>();
    private ScheduledFuture<?> pings;

    @PostConstruct
    void start() {
        pings = scheduler.scheduleAtFixedRate(this::pingAll, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (pings != null) {
            pings.cancel(false);
        }
    }

    /** Registers the socket as the patient's connection on this node; an older local one is replaced. */
    HeadsetConnection add(Session session, int patientId) {
        HeadsetConnection conn = new HeadsetConnection(session, patientId);
        bySession.put(session, conn);
        HeadsetConnection previous = byPatient.put(patientId, conn);
        if (previous != null) {
            replace(previous);
        }
        return conn;
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

    /** Sends a frame to the patient's headset if its socket is on this node. */
    void sendToPatient(int patientId, String frame) {
        HeadsetConnection conn = byPatient.get(patientId);
        if (conn != null) {
            conn.send(frame);
        }
    }

    /** A newer socket of the patient exists (here or on another node): every other one goes. */
    void keepOnly(int patientId, String connectionId) {
        HeadsetConnection conn = byPatient.get(patientId);
        if (conn != null && !conn.id().equals(connectionId) && byPatient.remove(patientId, conn)) {
            replace(conn);
        }
    }

    /** The patient was deleted: its socket is closed as for an unknown code. */
    void closePatient(int patientId) {
        HeadsetConnection conn = byPatient.remove(patientId);
        if (conn != null) {
            // a live session was cancelled in the same transaction, and its s_stop_diagnosis queued first
            conn.closeAfterPending(new CloseReason(CloseReason.CloseCodes.getCloseCode(UNKNOWN_PATIENT), "patient deleted"));
        }
    }

    Collection<HeadsetConnection> connections() {
        return List.copyOf(byPatient.values());
    }

    private void replace(HeadsetConnection old) {
        LOG.info(() -> "Headset of patient " + old.patientId() + " connected again; closing the older socket");
        old.sendThenClose(HeadsetFrames.forceDisconnect(),
                new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a newer connection"));
    }

    private void pingAll() {
        bySession.values().forEach(HeadsetConnection::ping);
    }
}
