package kr.dat.platform.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses to deploy outside dev mode while a secret still holds its published default: the old
 * server ran in production with {@code SECRET_KEY=my-secret-key} and {@code ADMIN_CODE=1234}.
 */
@Startup
@Singleton
public class StartupSafetyCheck {

    static final int MIN_ADMIN_CODE_LENGTH = 8;
    private static final Logger LOG = Logger.getLogger(StartupSafetyCheck.class.getName());

    @Inject
    AppConfig config;

    @PostConstruct
    void check() {
        List<String> problems = problems(config.devMode(), config.secretKey(), config.adminCode());
        if (problems.isEmpty()) {
            LOG.info(() -> "DAT server configuration accepted (ENV=" + config.env() + ")");
            return;
        }
        if (config.devMode()) {
            problems.forEach(p -> LOG.warning("ENV=" + config.env() + ", accepted for development only: " + p));
            return;
        }
        throw new IllegalStateException("Refusing to start with an unsafe configuration: "
                + String.join("; ", problems) + " (set ENV=dev for a development server)");
    }

    static List<String> problems(boolean devMode, String secretKey, String adminCode) {
        List<String> problems = new ArrayList<>();
        if (secretKey == null || secretKey.equals(AppConfig.DEFAULT_SECRET_KEY)) {
            problems.add("SECRET_KEY is the published default");
        } else if (secretKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            problems.add("SECRET_KEY is shorter than 32 bytes (HS256 needs 256 bits)");
        }
        if (adminCode == null || adminCode.equals(AppConfig.DEFAULT_ADMIN_CODE)) {
            problems.add("ADMIN_CODE is the published default");
        } else if (adminCode.length() < MIN_ADMIN_CODE_LENGTH) {
            problems.add("ADMIN_CODE is shorter than " + MIN_ADMIN_CODE_LENGTH + " characters (a 4-digit code falls to guessing)");
        }
        return problems;
    }
}
