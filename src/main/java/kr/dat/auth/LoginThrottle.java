package kr.dat.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.throttle.FailureCounter;

/**
 * Slows password guessing: an account is locked for a while after too many failed logins in a
 * window, and so is a client address that sprays many accounts. A locked login is answered with the
 * same 401 text as a wrong password. State is per node and in memory (a restart forgets it).
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AppConfig config;

    LongSupplier clock = System::currentTimeMillis;
    private FailureCounter accounts;
    private FailureCounter addresses;

    @PostConstruct
    void init() {
        accounts = new FailureCounter(config::loginMaxFailuresPerAccount, config::loginFailureWindowSeconds,
                config::loginLockSeconds, () -> clock.getAsLong());
        addresses = new FailureCounter(config::loginMaxFailuresPerIp, config::loginFailureWindowSeconds,
                config::loginLockSeconds, () -> clock.getAsLong());
    }

    public boolean isLocked(String loginId, String ip) {
        return accounts.isLocked(loginId) || addresses.isLocked(ip);
    }

    public void recordFailure(String loginId, String ip) {
        accounts.record(loginId);
        addresses.record(ip);
    }

    public void recordSuccess(String loginId) {
        accounts.clear(loginId);
    }
}
