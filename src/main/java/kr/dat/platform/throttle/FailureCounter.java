package kr.dat.platform.throttle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Counts events per key (a login id, an address, or one key for the whole server) within a
 * window; a key that reaches the limit is locked for a while. In memory, per node. Limits are read
 * on every use, so a test or a changed setting takes effect at once.
 */
public final class FailureCounter {

    private static final int MAX_TRACKED = 100_000;

    private final IntSupplier maxFailures;
    private final IntSupplier windowSeconds;
    private final IntSupplier lockSeconds;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Failures counted from {@code start}; locked until {@code lockedUntil} (epoch ms). */
    private record Window(long start, int failures, long lockedUntil) {
    }

    public FailureCounter(IntSupplier maxFailures, IntSupplier windowSeconds, IntSupplier lockSeconds, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowSeconds = windowSeconds;
        this.lockSeconds = lockSeconds;
        this.clock = clock;
    }

    public boolean isLocked(String key) {
        Window w = key == null ? null : windows.get(key);
        return w != null && w.lockedUntil() > clock.getAsLong();
    }

    /** Counts one event (a failure, a connection); true when this one locked the key. */
    public boolean record(String key) {
        if (key == null) {
            return false;
        }
        long now = clock.getAsLong();
        long windowMs = windowSeconds.getAsInt() * 1000L;
        long lockMs = lockSeconds.getAsInt() * 1000L;
        int max = maxFailures.getAsInt();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.lockedUntil() <= now && now - w.start() > windowMs);
        }
        Window after = windows.compute(key, (k, w) -> {
            if (w == null || (now - w.start() > windowMs && w.lockedUntil() <= now)) {
                w = new Window(now, 0, 0);
            }
            int failures = w.failures() + 1;
            long lockedUntil = failures >= max && w.lockedUntil() <= now ? now + lockMs : w.lockedUntil();
            return new Window(w.start(), failures, lockedUntil);
        });
        return after.failures() == max;
    }

    public void clear(String key) {
        if (key != null) {
            windows.remove(key);
        }
    }
}
