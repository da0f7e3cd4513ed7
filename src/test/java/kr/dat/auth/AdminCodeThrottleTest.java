package kr.dat.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import kr.dat.platform.config.AppConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminCodeThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000);
    private AdminCodeThrottle throttle;

    @BeforeEach
    void setUp() {
        throttle = new AdminCodeThrottle();
        throttle.config = new AppConfig() {
            @Override
            public int adminCodeMaxFailuresPerIp() {
                return 3;
            }

            @Override
            public int adminCodeMaxFailuresGlobal() {
                return 10;
            }

            @Override
            public int adminCodeFailureWindowSeconds() {
                return 60;
            }

            @Override
            public int adminCodeLockSeconds() {
                return 300;
            }
        };
        throttle.clock = now::get;
        throttle.init();
    }

    @Test
    void anAddressIsLockedAfterItsLimitAndOnlyThatAddress() {
        throttle.recordFailure("10.0.0.1");
        throttle.recordFailure("10.0.0.1");
        assertFalse(throttle.isLocked("10.0.0.1"));
        throttle.recordFailure("10.0.0.1");
        assertTrue(throttle.isLocked("10.0.0.1"));
        assertFalse(throttle.isLocked("10.0.0.2"));
        now.addAndGet(299_000);
        assertTrue(throttle.isLocked("10.0.0.1"), "still within the lock");
        now.addAndGet(2_000);
        assertFalse(throttle.isLocked("10.0.0.1"), "the lock ends");
    }

    @Test
    void manyAddressesTogetherLockRegistrationForEveryone() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("10.0.1." + i); // one guess each: no address reaches its own limit
        }
        assertTrue(throttle.isLocked("192.168.7.7"), "a fresh address is refused too");
    }

    @Test
    void guessesSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("10.0.0.5");
            throttle.recordFailure("10.0.0.5");
            now.addAndGet(61_000);
        }
        assertFalse(throttle.isLocked("10.0.0.5"));
    }
}
