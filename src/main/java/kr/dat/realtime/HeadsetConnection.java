package kr.dat.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One headset socket, from its handshake on. Frames are sent one at a time, in order, without
 * blocking the caller: the next send starts when the previous one completes. Frames sent between
 * the handshake (when the socket is already in presence) and the open are held until the open.
 */
final class HeadsetConnection implements SendHandler {

    private static final Logger LOG = Logger.getLogger(HeadsetConnection.class.getName());
    private static final int MAX_QUEUED = 1000;

    /** A frame to send, and optionally the close that follows it. */
    private record Outgoing(String frame, CloseReason closeAfter) {
    }

    private final int patientId;
    private final String id;
    private final boolean ack;
    private final boolean paired;
    private final String address;
    private final String userAgent;
    private final long admittedAt = System.nanoTime();
    private final Queue<Outgoing> queue = new ArrayDeque<>();
    private Session session;
    private Outgoing inFlight;
    private boolean closing;
    private SerialExecutor inbox;
    private volatile boolean ponged;

    HeadsetConnection(int patientId, String id, boolean ack, boolean paired, String address, String userAgent) {
        this.patientId = patientId;
        this.id = id;
        this.ack = ack;
        this.paired = paired;
        this.address = address;
        this.userAgent = userAgent;
    }

    /** The socket opened: frames held since the handshake go out now. */
    void attach(Session opened) {
        Outgoing first;
        synchronized (this) {
            session = opened;
            if (inFlight != null || queue.isEmpty()) {
                return;
            }
            first = queue.poll();
            inFlight = first;
        }
        start(first);
    }

    synchronized boolean isOpen() {
        return session != null;
    }

    /** Admitted at the handshake but never opened for this long: the handshake failed. */
    synchronized boolean neverOpened(long nanos) {
        return session == null && System.nanoTime() - admittedAt > nanos;
    }

    /** Whether the headset asked for upload acknowledgements (subprotocol dat.v2 or ?ack=1). */
    boolean wantsAck() {
        return ack;
    }

    /** Whether it presented the patient's pairing token. */
    boolean paired() {
        return paired;
    }

    String address() {
        return address;
    }

    String userAgent() {
        return userAgent;
    }

    void ponged() {
        ponged = true;
    }

    /** Whether a pong came since the last call. */
    boolean takePonged() {
        boolean p = ponged;
        ponged = false;
        return p;
    }

    String id() {
        return id;
    }

    /** Where this socket's messages are handled, one at a time and in order. */
    synchronized Executor inbox(Executor pool, java.util.concurrent.ScheduledExecutorService scheduler) {
        if (inbox == null) {
            inbox = new SerialExecutor(pool, scheduler);
        }
        return inbox;
    }

    int patientId() {
        return patientId;
    }

    void send(String frame) {
        enqueue(new Outgoing(frame, null));
    }

    /** Sends the frame, then closes the socket with the reason. Later frames are dropped. */
    void sendThenClose(String frame, CloseReason reason) {
        enqueue(new Outgoing(frame, reason));
    }

    /** Closes the socket once the frames already queued are sent. */
    void closeAfterPending(CloseReason reason) {
        enqueue(new Outgoing(null, reason));
    }

    private void enqueue(Outgoing out) {
        synchronized (this) {
            if (closing) {
                return;
            }
            if (out.closeAfter() != null) {
                closing = true;
            }
            if (inFlight != null || session == null) {
                if (queue.size() >= MAX_QUEUED) {
                    LOG.warning(() -> "Headset of patient " + patientId + " does not read its frames; closing it");
                    queue.clear();
                    closing = true;
                    queue.add(new Outgoing(null, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too slow")));
                    return;
                }
                queue.add(out);
                return;
            }
            inFlight = out;
        }
        start(out);
    }

    private void start(Outgoing out) {
        if (out.frame() == null) {
            onResult(new SendResult());
            return;
        }
        try {
            session.getAsyncRemote().sendText(out.frame(), this);
        } catch (RuntimeException e) {
            onResult(new SendResult(e));
        }
    }

    @Override
    public void onResult(SendResult result) {
        Outgoing done;
        Outgoing next;
        synchronized (this) {
            done = inFlight;
            next = queue.poll();
            inFlight = next;
        }
        if (!result.isOK()) {
            LOG.fine(() -> "A frame to the headset of patient " + patientId + " was not delivered: " + result.getException());
        }
        if (done != null && done.closeAfter() != null) {
            close(done.closeAfter());
            return;
        }
        if (next != null) {
            start(next);
        }
    }

    void ping() {
        Session s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            return;
        }
        try {
            s.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {'d', 'a', 't'}));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Ping to the headset of patient " + patientId + " failed: " + e);
        }
    }

    void close(CloseReason reason) {
        Session s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            return; // never opened: nothing to close
        }
        try {
            s.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Closing the headset socket of patient " + patientId + " failed: " + e);
        }
    }
}
