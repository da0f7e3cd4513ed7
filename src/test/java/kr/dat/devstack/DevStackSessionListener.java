package kr.dat.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link DevStack} once per test JVM, before Arquillian reads {@code arquillian.xml},
 * and hands its addresses to the managed WildFly as system properties. Only in the integration-test
 * run ({@code -Ddat.devstack=true}, set by failsafe); unit tests need no services.
 */
public class DevStackSessionListener implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(DevStackSessionListener.class.getName());
    private static DevStack stack;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("dat.devstack") || stack != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("dat-it-");
            stack = DevStack.start(dir);
            // the server under test adopts a database as the old server left it (fixtures/legacy)
            LegacyDatabase.load(stack.dataSource());
            System.setProperty("dat.test.db.url", stack.jdbcUrl());
            System.setProperty("dat.test.db.user", DevStack.DB_USER);
            System.setProperty("dat.test.db.password", DevStack.DB_PASSWORD);
            System.setProperty("dat.test.s3.endpoint", stack.s3Endpoint());
            LOG.info("Dev stack for tests: " + stack.jdbcUrl() + ", S3 " + stack.s3Endpoint());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the dev stack (PostgreSQL, s3proxy)", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            try {
                stack.close();
            } catch (Exception e) {
                LOG.warning("dev stack did not stop cleanly: " + e);
            }
            stack = null;
        }
    }

    /** The running stack, for tests that look into the database or the bucket directly. */
    public static DevStack stack() {
        if (stack == null) {
            throw new IllegalStateException("dev stack not started (run with -Ddat.devstack=true)");
        }
        return stack;
    }
}
