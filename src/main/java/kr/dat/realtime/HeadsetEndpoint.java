package kr.dat.realtime;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Logger;

/**
 * The headset's WebSocket, {@code /api/ws/diagnosis/{patient_code}} (docs/asyncapi.yaml). An adapter:
 * the handshake ({@link HeadsetHandshake}) has decided whether the socket may open and registered
 * it; this class closes refused sockets, attaches accepted ones and hands each message to
 * {@link HeadsetService} off the I/O thread. Nothing a client sends can close the socket, except a message over the size limit
 * (1009) or one the node has no memory for (1013).
 *
 * <p>Messages are taken as parts, as the container reads them, and measured before they are kept:
 * a 300 MB frame is refused after its first 32 MiB, not after the container has assembled it. One
 * endpoint instance serves one socket (the container's default), so the assembler is per socket.
 */
@ServerEndpoint(value = "/ws/diagnosis/{patient_code}", configurator = HeadsetHandshake.class,
        subprotocols = HeadsetHandshake.SUBPROTOCOL_V2)
public class HeadsetEndpoint {

    /** Largest message accepted, in UTF-8 bytes: a 10 MiB CSV escaped into JSON, with room to spare. */
    static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    /** Longest patient code looked up; anything longer (or with a NUL) is unknown without a query. */
    private static final int MAX_CODE_LENGTH = 64;
    private static final Logger LOG = Logger.getLogger(HeadsetEndpoint.class.getName());

    @Inject
    HeadsetRegistry registry;

    @Inject
    HeadsetService service;

    @Inject
    MessageBudget budget;

    private MessageAssembler inbound;
    private long binaryBytes;

    /** The handshake decided ({@link HeadsetGate}); a refused socket is closed with its code at once. */
    @OnOpen
    public void open(Session session) {
        Admission admission = (Admission) session.getUserProperties().get(HeadsetHandshake.ADMISSION);
        if (admission == null || !admission.accepted()) {
            Admission.Outcome outcome = admission == null ? Admission.Outcome.UNKNOWN_PATIENT : admission.outcome();
            closeWith(session, new CloseReason(CloseReason.CloseCodes.getCloseCode(outcome.closeCode()), outcome.reason()));
            return;
        }
        session.setMaxIdleTimeout(0);
        inbound = new MessageAssembler(budget, MAX_MESSAGE_BYTES);
        HeadsetConnection conn = admission.connection();
        registry.attach(session, conn);
        service.connected(conn);
    }

    /** The headset answered a ping: its live session stays its own. */
    @OnMessage
    public void pong(Session session, PongMessage pong) {
        HeadsetConnection conn = registry.get(session);
        if (conn != null) {
            conn.ponged();
        }
    }

    static boolean plausible(String code) {
        return code != null && !code.isEmpty() && code.length() <= MAX_CODE_LENGTH && code.indexOf('\0') < 0;
    }

    @OnMessage
    public void text(Session session, String part, boolean last) {
        HeadsetConnection conn = registry.get(session);
        if (conn == null || inbound == null) {
            return; // a refused or closing socket: nothing it sends is kept
        }
        switch (inbound.append(part, last)) {
            case COMPLETE -> service.receive(conn, inbound.take());
            case TOO_BIG -> {
                LOG.warning(() -> "Message over " + MAX_MESSAGE_BYTES + " bytes from the headset of patient "
                        + conn.patientId() + " refused (1009)");
                closeWith(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                        "message larger than " + (MAX_MESSAGE_BYTES >> 20) + " MiB"));
            }
            case OVER_BUDGET -> {
                LOG.warning(() -> "No memory left for the message of the headset of patient " + conn.patientId()
                        + " (" + (budget.inUse() >> 20) + " of " + (budget.limit() >> 20)
                        + " MiB held by headset messages); closed 1013");
                closeWith(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "server busy, send again"));
            }
            default -> {
                // PARTIAL: wait for the rest; DISCARDED: the socket is being closed
            }
        }
    }

    /** The protocol is text only: binary messages are counted (to the same limit) and dropped. */
    @OnMessage
    public void binary(Session session, ByteBuffer part, boolean last) {
        HeadsetConnection conn = registry.get(session);
        if (conn == null) {
            return;
        }
        binaryBytes += part.remaining();
        if (binaryBytes > MAX_MESSAGE_BYTES) {
            binaryBytes = Long.MIN_VALUE; // report once
            LOG.warning(() -> "Binary message over " + MAX_MESSAGE_BYTES + " bytes from the headset of patient "
                    + conn.patientId() + " refused (1009)");
            closeWith(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG, "binary message too large"));
            return;
        }
        if (last && binaryBytes >= 0) {
            long size = binaryBytes;
            binaryBytes = 0;
            LOG.warning(() -> "Binary message of " + size + " bytes from the headset of patient "
                    + conn.patientId() + " ignored (the protocol is text only)");
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (inbound != null) {
            inbound.abandon();
        }
        HeadsetConnection conn = registry.remove(session);
        if (conn != null) {
            service.disconnected(conn, reason);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        HeadsetConnection conn = registry.get(session);
        LOG.warning(() -> "Headset socket error (patient " + (conn == null ? "?" : conn.patientId()) + "): " + error);
    }

    private static void closeWith(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.fine(() -> "close failed: " + e);
        }
    }
}
