package kr.dat.realtime;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Logger;
import kr.dat.patient.Patient;
import kr.dat.patient.PatientService;

/**
 * The headset's WebSocket, {@code /api/ws/diagnosis/{patient_code}} (CONTRACT.md §6). An adapter:
 * it looks the patient up, registers the socket and hands each frame to {@link HeadsetService} off
 * the I/O thread. Nothing a client sends can close the socket.
 */
@ServerEndpoint("/ws/diagnosis/{patient_code}")
public class HeadsetEndpoint {

    /** Largest text frame accepted: a 10 MiB CSV escaped into JSON, with room to spare. */
    static final int MAX_TEXT_BYTES = 32 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(HeadsetEndpoint.class.getName());

    @Inject
    PatientService patients;

    @Inject
    HeadsetRegistry registry;

    @Inject
    HeadsetService service;

    @OnOpen
    public void open(Session session, @PathParam("patient_code") String code) {
        Optional<Patient> patient = patients.findActiveByCode(code);
        if (patient.isEmpty()) {
            LOG.info(() -> "Headset socket for an unknown or deleted patient code refused (4004)");
            refuse(session, new CloseReason(CloseReason.CloseCodes.getCloseCode(HeadsetRegistry.UNKNOWN_PATIENT),
                    "unknown patient code"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_TEXT_BYTES);
        session.setMaxIdleTimeout(0);
        HeadsetConnection conn = registry.add(session, patient.get().id());
        service.connected(conn);
    }

    @OnMessage(maxMessageSize = MAX_TEXT_BYTES)
    public void text(Session session, String frame) {
        HeadsetConnection conn = registry.get(session);
        if (conn != null) {
            service.receive(conn, frame);
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer frame) {
        HeadsetConnection conn = registry.get(session);
        LOG.warning(() -> "Binary frame of " + frame.remaining() + " bytes from the headset of patient "
                + (conn == null ? "?" : conn.patientId()) + " ignored (the protocol is text only)");
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
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

    private static void refuse(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (java.io.IOException e) {
            LOG.fine(() -> "close failed: " + e);
        }
    }
}
