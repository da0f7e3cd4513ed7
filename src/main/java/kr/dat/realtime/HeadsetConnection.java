package kr.dat.realtime;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One open headset socket. Frames are sent one at a time, in order, without blocking the caller:
 * the next send starts when the previous one completes.
 */
final class HeadsetConnection implements SendHandler {

    private static final Logger LOG = Logger.getLogger(HeadsetConnection.class.getName());
    private static final int MAX_QUEUED = 1000;

    /** A frame to send, and optionally the close that follows it. */
    private record Outgoing(String frame, CloseReason closeAfter) {
    }

    private final Session session;
    private final int patientId;
    private final String id = UUID.randomUUID().toString();
    private final Queue<Outgoing> queue = new ArrayDeque<>();
    private Outgoing inFlight;
    private boolean closing;
    private SerialExecutor inbox;

    HeadsetConnection(Session session, int patientId) {
        this.session = session;
        this.patientId = patientId;
    }

    String id() {
        return id;
    }

    /** Where this socket's messages are handled, one at a time and in order. */
    synchronized Executor inbox(Executor pool) {
        if (inbox == null) {
            inbox = new SerialExecutor(pool);
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
            if (inFlight != null) {
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
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {'d', 'a', 't'}));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Ping to the headset of patient " + patientId + " failed: " + e);
        }
    }

    void close(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Closing the headset socket of patient " + patientId + " failed: " + e);
        }
    }
}
