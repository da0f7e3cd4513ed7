package kr.dat.realtime;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task run every few seconds on the managed scheduler until closed (pings, the heartbeat). A run
 * that throws is logged and the next one runs: a bare scheduled task would silently stop for good.
 */
final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class.getName());
    private final ScheduledFuture<?> future;

    private Periodic(ScheduledFuture<?> future) {
        this.future = future;
    }

    static Periodic every(ManagedScheduledExecutorService scheduler, long seconds, String what, Runnable task) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; the next run is in " + seconds + " s", e);
            }
        };
        return new Periodic(scheduler.scheduleWithFixedDelay(guarded, seconds, seconds, TimeUnit.SECONDS));
    }

    @Override
    public void close() {
        future.cancel(false);
    }
}
