package kr.dat.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import kr.dat.platform.config.AppConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private LoginThrottle throttle;

    @BeforeEach
    void setUp() {
        AppConfig config = new AppConfig() {
            @Override
            public int loginMaxFailuresPerAccount() {
                return 3;
            }

            @Override
            public int loginMaxFailuresPerIp() {
                return 5;
            }

            @Override
            public int loginFailureWindowSeconds() {
                return 60;
            }

            @Override
            public int loginLockSeconds() {
                return 120;
            }
        };
        throttle = new LoginThrottle();
        throttle.config = config;
        throttle.clock = now::get;
        throttle.init();
    }

    @Test
    void accountLocksAfterMaxFailuresAndUnlocksAfterTheLockTime() {
        throttle.recordFailure("doc", "10.0.0.1");
        throttle.recordFailure("doc", "10.0.0.1");
        assertFalse(throttle.isLocked("doc", "10.0.0.1"));
        throttle.recordFailure("doc", "10.0.0.1");
        assertTrue(throttle.isLocked("doc", "10.0.0.2"), "the account is locked from any address");
        now.addAndGet(119_000);
        assertTrue(throttle.isLocked("doc", null));
        now.addAndGet(2_000);
        assertFalse(throttle.isLocked("doc", null));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        throttle.recordFailure("doc", null);
        throttle.recordFailure("doc", null);
        now.addAndGet(61_000);
        throttle.recordFailure("doc", null);
        assertFalse(throttle.isLocked("doc", null));
    }

    @Test
    void anAddressSprayingManyAccountsIsLocked() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertTrue(throttle.isLocked("someone-else", "10.0.0.9"));
        assertFalse(throttle.isLocked("someone-else", "10.0.0.10"));
    }

    @Test
    void successResetsTheAccount() {
        throttle.recordFailure("doc", null);
        throttle.recordFailure("doc", null);
        throttle.recordSuccess("doc");
        throttle.recordFailure("doc", null);
        assertFalse(throttle.isLocked("doc", null));
    }
}
