package kr.dat.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.platform.rest.DatabaseUnavailable;
import kr.dat.result.ResultPipeline;

/**
 * What a headset's messages mean. Whatever touches the database runs on the managed executor (a
 * message on the socket's serial inbox, the presence cleanup on close), never on the socket's I/O
 * thread; {@link #connected} only logs, since the presence was written during the handshake. A
 * malformed or foreign message is logged and ignored, and the socket stays open.
 */
@ApplicationScoped
public class HeadsetService {

    private static final Logger LOG = Logger.getLogger(HeadsetService.class.getName());

    /** How long a message that meets a database outage is kept and retried (then logged and dropped). */
    static final long RETRY_FOR_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    private static final long MAX_RETRY_DELAY_MS = 10_000;

    @Resource
    ManagedExecutorService executor;

    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    @Inject
    PresenceRepository presence;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    ResultPipeline results;

    @Inject
    MessageBudget budget;

    void connected(HeadsetConnection conn) {
        LOG.info(() -> "Headset of patient " + conn.patientId() + " connected (socket " + conn.id() + ", from "
                + conn.address() + (conn.paired() ? ", paired" : "") + (conn.wantsAck() ? ", acknowledgements" : "") + ")");
    }

    void disconnected(HeadsetConnection conn, CloseReason reason) {
        executor.execute(() -> {
            try {
                presence.unregister(conn.patientId(), conn.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not clear the presence of patient " + conn.patientId(), e);
            }
        });
        LOG.info(() -> "Headset of patient " + conn.patientId() + " disconnected (" + reason.getCloseCode().getCode() + ")");
    }

    /**
     * Handles a whole message on the socket's serial inbox; its bytes stay taken from the
     * {@link MessageBudget} until it has been handled (an upload: until it is claimed and scored).
     */
    void receive(HeadsetConnection conn, MessageAssembler.Received message) {
        AtomicReference<String> frame = new AtomicReference<>(message.text()); // dropped once decoded
        AtomicReference<HeadsetFrames.Message> decoded = new AtomicReference<>();
        long firstTry = System.nanoTime();
        int[] attempts = {0};
        conn.inbox(executor, scheduler).execute(() -> {
            boolean done = true;
            try {
                handle(conn, frame, decoded, message.receivedNanos());
            } catch (RuntimeException e) {
                long waited = System.nanoTime() - firstTry;
                if (DatabaseUnavailable.isCause(e) && waited < RETRY_FOR_NANOS) {
                    long delay = Math.min(MAX_RETRY_DELAY_MS, 250L << Math.min(attempts[0]++, 6));
                    LOG.warning(() -> "Message from the headset of patient " + conn.patientId() + " meets a database outage; "
                            + "kept and tried again in " + delay + " ms (attempt " + attempts[0] + ")");
                    done = false;
                    throw new SerialExecutor.RetryLater(delay, e);
                }
                LOG.log(Level.WARNING, "Message from the headset of patient " + conn.patientId()
                        + " could not be handled" + (waited >= RETRY_FOR_NANOS ? " within " + RETRY_FOR_NANOS / 1_000_000_000L
                        + " s of retries" : "") + "; dropped", e);
            } finally {
                if (done) {
                    frame.set(null);
                    decoded.set(null);
                    budget.release(message.reservedBytes());
                }
            }
        });
    }

    /** Decodes once (a retry after an outage reuses the decoded message), then acts on it. */
    private void handle(HeadsetConnection conn, AtomicReference<String> frame, AtomicReference<HeadsetFrames.Message> decoded,
                        long receivedNanos) {
        int patientId = conn.patientId();
        if (decoded.get() == null) {
            int chars = frame.get().length();
            Optional<HeadsetFrames.Message> d = HeadsetFrames.decode(frame.getAndSet(null));
            if (d.isEmpty()) {
                LOG.warning(() -> "Malformed frame (" + chars + " chars) from the headset of patient "
                        + patientId + " ignored");
                return;
            }
            decoded.set(d.get());
        }
        HeadsetFrames.Message m = decoded.get();
        Optional<Integer> diagnosisId = m.diagnosisId();
        if (diagnosisId.isEmpty()) {
            LOG.warning(() -> m.action() + " without a diagnosis_id that is an integer in 1.." + Integer.MAX_VALUE
                    + " from the headset of patient "
                    + patientId + " ignored");
            return;
        }
        int id = diagnosisId.get();
        switch (m.action()) {
            case HeadsetFrames.STARTED -> diagnoses.headsetStarted(patientId, conn.id(), id);
            case HeadsetFrames.FAILED -> diagnoses.headsetFailed(patientId, conn.id(), id);
            case HeadsetFrames.UPLOAD -> {
                Optional<String> content = m.string("file_content");
                if (content.isEmpty()) {
                    LOG.warning(() -> "c_upload_result without file_content from the headset of patient "
                            + patientId + " ignored");
                    return;
                }
                ResultPipeline.Source source = new ResultPipeline.Source(conn.id(), conn.address(), conn.userAgent(), conn.paired());
                results.accept(patientId, source, id, content.get(), receivedNanos, receipt -> {
                    if (conn.wantsAck()) {
                        conn.send(HeadsetFrames.uploadReceived(id, receipt.name().toLowerCase(java.util.Locale.ROOT)));
                    }
                });
            }
            default -> LOG.warning(() -> "Unknown action '" + m.action() + "' from the headset of patient "
                    + patientId + " ignored");
        }
    }
}
