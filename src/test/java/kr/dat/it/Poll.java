package kr.dat.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polling with a deadline and back-off (10 ms doubling to 500 ms), for what a test can only
 * observe from outside (a database row, a log line, a server healing): the one place tests wait.
 */
final class Poll {

    private Poll() {
    }

    /** Probes until {@code done} accepts the value or the timeout passes; the last value either way. */
    static <T> T until(Duration timeout, Callable<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (true) {
            T value = probe.call();
            if (done.test(value) || System.nanoTime() > deadline) {
                return value;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    /** {@link #until}, failing with {@code what} when the timeout passes first. */
    static <T> T require(Duration timeout, String what, Callable<T> probe, Predicate<T> done) throws Exception {
        T value = until(timeout, probe, done);
        if (!done.test(value)) {
            throw new AssertionError(what + " (not within " + timeout + "; last: " + value + ")");
        }
        return value;
    }
}
