package kr.dat.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.throttle.FailureCounter;

/**
 * Slows guessing of {@code ADMIN_CODE} at registration: an address with too many wrong codes in a
 * window is locked for a while, and so is registration as a whole after too many wrong codes from
 * anywhere (an attacker with many addresses). While locked, even the right code gets the usual
 * 400 text, so a guess cannot tell. Per node, in memory.
 */
@ApplicationScoped
public class AdminCodeThrottle {

    private static final Logger LOG = Logger.getLogger(AdminCodeThrottle.class.getName());
    private static final String EVERYONE = "";

    @Inject
    AppConfig config;

    LongSupplier clock = System::currentTimeMillis;
    private FailureCounter addresses;
    private FailureCounter everyone;

    @PostConstruct
    void init() {
        addresses = new FailureCounter(config::adminCodeMaxFailuresPerIp, config::adminCodeFailureWindowSeconds,
                config::adminCodeLockSeconds, () -> clock.getAsLong());
        everyone = new FailureCounter(config::adminCodeMaxFailuresGlobal, config::adminCodeFailureWindowSeconds,
                config::adminCodeLockSeconds, () -> clock.getAsLong());
    }

    public boolean isLocked(String ip) {
        return everyone.isLocked(EVERYONE) || addresses.isLocked(ip);
    }

    public void recordFailure(String ip) {
        if (addresses.record(ip)) {
            LOG.warning(() -> "Security: registration locked for address " + ip + " after "
                    + config.adminCodeMaxFailuresPerIp() + " wrong admin codes");
        }
        if (everyone.record(EVERYONE)) {
            LOG.warning(() -> "Security: registration locked for every address after "
                    + config.adminCodeMaxFailuresGlobal() + " wrong admin codes within "
                    + config.adminCodeFailureWindowSeconds() + " s");
        }
    }
}
