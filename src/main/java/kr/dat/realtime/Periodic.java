package kr.dat.realtime;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task run every few seconds, or every slice of a second, on the managed scheduler until closed
 * (pings, the heartbeat). A run that throws is logged and the next one runs: a bare scheduled task
 * would silently stop for good.
 */
final class Periodic implements AutoCloseable {

    /**
     * Keep-alives go out a slice at a time, every {@value #SLICE_MILLIS} ms, rather than all at once:
     * in the push benchmark, each round of 1,000 headset pings sent together slowed the state changes
     * of the next 30-110 ms (by up to 99 ms), enough to miss a p99 target in the rounds it fell into.
     */
    static final int SLICE_MILLIS = 100;
    static final int SLICES_PER_SECOND = 1000 / SLICE_MILLIS;
    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());
    private final ScheduledFuture<?> future;

    private Periodic(ScheduledFuture<?> future) {
        this.future = future;
    }

    static Periodic every(ManagedScheduledExecutorService scheduler, long seconds, String what, Runnable task) {
        return every(scheduler, seconds, TimeUnit.SECONDS, what, task);
    }

    /**
     * Every {@value #SLICE_MILLIS} ms, with the slot now due: 0, 1, … up to {@code slots} - 1 and round
     * again, so that each slot comes once per {@code slots} slices.
     */
    static Periodic everySlice(ManagedScheduledExecutorService scheduler, int slots, String what, IntConsumer task) {
        AtomicLong tick = new AtomicLong();
        return every(scheduler, SLICE_MILLIS, TimeUnit.MILLISECONDS, what,
                () -> task.accept((int) (tick.getAndIncrement() % slots)));
    }

    private static Periodic every(ManagedScheduledExecutorService scheduler, long period, TimeUnit unit, String what,
                                  Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; the next run is in " + unit.toMillis(period) + " ms", e);
            }
        };
        return new Periodic(scheduler.scheduleWithFixedDelay(guarded, period, period, unit));
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
