package kr.dat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import kr.dat.platform.config.AppConfig;

/**
 * Slows password guessing: an account is locked for a while after too many failed logins in a
 * window, and so is a client address that sprays many accounts. A locked login is answered with the
 * same 401 text as a wrong password. State is per node and in memory (a restart forgets it).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    @Inject
    AppConfig config;

    private final Map<String, Window> accounts = new ConcurrentHashMap<>();
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();
    LongSupplier clock = System::currentTimeMillis;

    /** Failures counted from {@code start}; locked until {@code lockedUntil} (epoch ms). */
    record Window(long start, int failures, long lockedUntil) {
    }

    public boolean isLocked(String loginId, String ip) {
        long now = clock.getAsLong();
        return locked(accounts.get(loginId), now) || (ip != null && locked(addresses.get(ip), now));
    }

    public void recordFailure(String loginId, String ip) {
        count(accounts, loginId, config.loginMaxFailuresPerAccount());
        if (ip != null) {
            count(addresses, ip, config.loginMaxFailuresPerIp());
        }
    }

    public void recordSuccess(String loginId) {
        accounts.remove(loginId);
    }

    private static boolean locked(Window w, long now) {
        return w != null && w.lockedUntil() > now;
    }

    private void count(Map<String, Window> map, String key, int max) {
        long now = clock.getAsLong();
        long windowMs = config.loginFailureWindowSeconds() * 1000L;
        long lockMs = config.loginLockSeconds() * 1000L;
        if (map.size() > MAX_TRACKED) {
            map.values().removeIf(w -> w.lockedUntil() <= now && now - w.start() > windowMs);
        }
        map.compute(key, (k, w) -> {
            if (w == null || (now - w.start() > windowMs && w.lockedUntil() <= now)) {
                w = new Window(now, 0, 0);
            }
            int failures = w.failures() + 1;
            long lockedUntil = failures >= max ? now + lockMs : w.lockedUntil();
            return new Window(w.start(), failures, lockedUntil);
        });
    }
}
