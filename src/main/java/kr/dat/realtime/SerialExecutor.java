package kr.dat.realtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks one after another, in submission order, on a shared executor: a headset's messages
 * are handled in the order it sent them (its first upload is the one that counts), while
 * different headsets proceed in parallel. A task that meets an outage asks to be tried again
 * ({@link RetryLater}): it stays first in line, the queue pauses without holding a thread, and
 * resumes after the delay — order kept, nothing dropped.
 */
final class SerialExecutor implements Executor {

    /** Thrown by a task that should run again, first, after {@code delayMillis}. */
    static final class RetryLater extends RuntimeException {

        private final long delayMillis;

        RetryLater(long delayMillis, Throwable cause) {
            super(cause);
            this.delayMillis = delayMillis;
        }
    }

    private final Executor pool;
    private final ScheduledExecutorService scheduler;
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool, ScheduledExecutorService scheduler) {
        this.pool = pool;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RetryLater retry) {
                synchronized (this) {
                    tasks.addFirst(next); // still "running": new tasks queue behind it
                }
                scheduler.schedule(() -> pool.execute(this::drain), retry.delayMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (RuntimeException e) {
                // the task logs its own failures; one bad message must not stop the next
            }
        }
    }
}
