package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import kr.dat.diagnosis.DiagnosisState;

/**
 * The doctors' SSE streams open on this node, by diagnosis. Every state change is pushed as it
 * arrives from the cluster bus; a stream never goes back to an older state, closes after a
 * terminal one, and gets a {@code : ping} comment every {@value #PING_SECONDS} s.
 */
@ApplicationScoped
public class StatusStreams {

    static final int PING_SECONDS = 10;
    private static final int PING_SLOTS = PING_SECONDS * Periodic.SLICES_PER_SECOND;
    static final int SNAPSHOT_WARN_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(StatusStreams.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<Integer, Set<Stream>> byDiagnosis = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    private Periodic pings;

    @PostConstruct
    void start() {
        pings = Periodic.everySlice(scheduler, PING_SLOTS, "SSE keep-alive", this::pingSlice);
    }

    @PreDestroy
    void stop() {
        if (pings != null) {
            pings.close();
        }
        byDiagnosis.values().forEach(set -> set.forEach(Stream::close));
    }

    /** One watcher of one diagnosis. */
    final class Stream {
        private final int diagnosisId;
        private final SseEventSink sink;
        private final Sse sse;
        private final int slot = Math.floorMod(opened.getAndIncrement(), PING_SLOTS);
        private CompletionStage<?> lastSend;
        private int lastRank = -1;
        private boolean closed;
        /** The snapshot was sent: other threads may write from now on. */
        private boolean started;
        private String pendingState;
        private String pendingTimestamp;

        Stream(int diagnosisId, SseEventSink sink, Sse sse) {
            this.diagnosisId = diagnosisId;
            this.sink = sink;
            this.sse = sse;
        }

        /**
         * Sends the state unless the stream already showed it or a later one. Before the snapshot
         * only the newest state is kept: the first event of a stream must be written by the request
         * that opened it (RESTEasy loses it when another thread's write comes first — seen as a
         * stream that showed a ping and never its snapshot, 1 in ~2,000 under a burst of opens).
         */
        synchronized void send(String state, String timestamp) {
            DiagnosisState s = DiagnosisState.valueOf(state);
            if (closed || s.rank() <= lastRank) {
                return;
            }
            if (!started) {
                if (pendingState == null || s.rank() > DiagnosisState.valueOf(pendingState).rank()) {
                    pendingState = state;
                    pendingTimestamp = timestamp;
                }
                return;
            }
            lastRank = s.rank();
            String data = "{\"id\": " + diagnosisId + ", \"state\": \"" + state + "\", \"timestamp\": \"" + timestamp + "\"}";
            emit(sse.newEvent(data));
            if (s.isTerminal()) {
                close();
            }
        }

        synchronized void ping() {
            if (!closed && started) {
                emit(sse.newEventBuilder().comment("ping").build());
            }
        }

        /**
         * The stream's first event, from the request that opened it: the snapshot, or a newer state
         * that arrived meanwhile (then the snapshot is not shown). Watched: if it is not written
         * within {@value #SNAPSHOT_WARN_SECONDS} s the node says so instead of the doctor's screen
         * silently waiting.
         */
        synchronized void sendSnapshot(String state, String timestamp) {
            started = true;
            String pending = pendingState;
            String pendingAt = pendingTimestamp;
            pendingState = null;
            send(state, timestamp);
            if (pending != null) {
                send(pending, pendingAt); // shown only if newer than the snapshot
            }
            CompletionStage<?> first = lastSend;
            if (first != null) {
                scheduler.schedule(() -> {
                    if (!first.toCompletableFuture().isDone()) {
                        LOG.warning(() -> "SSE snapshot of diagnosis " + diagnosisId + " not written after "
                                + SNAPSHOT_WARN_SECONDS + " s (stream open: " + !closed + ")");
                    }
                }, SNAPSHOT_WARN_SECONDS, TimeUnit.SECONDS);
            }
        }

        private void emit(OutboundSseEvent event) {
            if (sink.isClosed()) {
                close();
                return;
            }
            lastSend = sink.send(event);
            lastSend.whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.fine(() -> "SSE client of diagnosis " + diagnosisId + " went away: " + error);
                    close();
                }
            });
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                // atomic per diagnosis: a stream opened meanwhile never lands in a set that is dropped
                byDiagnosis.computeIfPresent(diagnosisId, (id, set) -> {
                    set.remove(this);
                    return set.isEmpty() ? null : set;
                });
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.fine(() -> "closing an SSE stream failed: " + e);
                }
            }
        }
    }

    /**
     * Registers a stream. The caller then reads the current state and sends it as the snapshot, so
     * a change that lands in between is not lost (and an older snapshot after it is not shown).
     */
    Stream open(int diagnosisId, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(diagnosisId, sink, sse);
        byDiagnosis.compute(diagnosisId, (id, set) -> {
            Set<Stream> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
            streams.add(stream);
            return streams;
        });
        return stream;
    }

    void publish(int diagnosisId, String state, String timestamp) {
        Set<Stream> set = byDiagnosis.get(diagnosisId);
        if (set != null) {
            for (Stream s : set.toArray(new Stream[0])) {
                s.send(state, timestamp);
            }
        }
    }

    /** Open status streams on this node. */
    int streamCount() {
        return byDiagnosis.values().stream().mapToInt(Set::size).sum();
    }

    List<Integer> watchedDiagnoses() {
        return List.copyOf(byDiagnosis.keySet());
    }

    /**
     * Every slice of a second, the streams of one slot: each is pinged every {@value #PING_SECONDS} s,
     * and the writes are spread over the interval instead of a burst that delays the pushes around it.
     */
    private void pingSlice(int slot) {
        byDiagnosis.values().forEach(set -> set.forEach(stream -> {
            if (stream.slot == slot) {
                stream.ping();
            }
        }));
    }
}
