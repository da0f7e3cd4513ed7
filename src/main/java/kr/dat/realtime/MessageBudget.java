package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;

/**
 * The memory that headset messages may hold on this node, across all sockets: the bytes of messages
 * being received and of received ones not yet handled. A socket whose next chunk does not fit is
 * closed with 1013 (try again later), so N concurrent uploads cannot exhaust the heap.
 */
@ApplicationScoped
public class MessageBudget {

    private static final Logger LOG = Logger.getLogger(MessageBudget.class.getName());

    @Inject
    AppConfig config;

    private final AtomicLong inUse = new AtomicLong();
    private long limit;

    @PostConstruct
    void init() {
        long configured = config.wsMessageBudgetMegabytes() * 1024L * 1024L;
        limit = configured > 0 ? configured : defaultLimit(Runtime.getRuntime().maxMemory());
        LOG.info(() -> "Headset messages may hold up to " + (limit >> 20) + " MiB on this node");
    }

    /** A quarter of the heap: room for the messages, their decoded copies and the scorer's work. */
    static long defaultLimit(long maxHeap) {
        return Math.max(HeadsetEndpoint.MAX_MESSAGE_BYTES, maxHeap / 4);
    }

    /** Takes {@code bytes} from the budget; false (and nothing taken) when they do not fit. */
    boolean tryReserve(long bytes) {
        while (true) {
            long used = inUse.get();
            if (used + bytes > limit) {
                return false;
            }
            if (inUse.compareAndSet(used, used + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        if (bytes > 0) {
            inUse.addAndGet(-bytes);
        }
    }

    long inUse() {
        return inUse.get();
    }

    long limit() {
        return limit;
    }
}
