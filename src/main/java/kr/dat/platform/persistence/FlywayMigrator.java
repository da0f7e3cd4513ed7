package kr.dat.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import kr.dat.platform.rest.DatabaseUnavailable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application deploys. A database of the old server
 * (its tables present, no Flyway history) is adopted as version 1 and only our later
 * migrations run on it.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class FlywayMigrator {

    private static final Logger LOG = Logger.getLogger(FlywayMigrator.class.getName());

    @Resource(lookup = DataSources.DAT)
    DataSource dataSource;

    /**
     * Attempts when a migration meets a broken connection: each uses up one stale connection, and
     * within the ~9 s they take the pool's background validation (every 10 s) clears the rest; a
     * real outage then fails the deployment.
     */
    static final int ATTEMPTS = 10;

    @PostConstruct
    void migrate() {
        retryingBrokenConnections(ATTEMPTS, 200, this::migrateNow);
    }

    /**
     * Runs {@code work}, again (after {@code pauseMillis} × the attempt) when it failed on a broken
     * database connection — after a database restart the pool may still lend connections that are
     * closed; each failed one is discarded (the exception sorter), so the next attempt gets a fresh
     * one — at most {@code attempts} times; any other failure at once.
     */
    static void retryingBrokenConnections(int attempts, long pauseMillis, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts || !DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                int tried = attempt;
                LOG.warning(() -> "Migration attempt " + tried + " met a broken database connection (" + e.getMessage()
                        + "); trying again");
                try {
                    Thread.sleep(pauseMillis * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** For tests that adopt a database of their own. */
    public void useDataSource(DataSource ds) {
        this.dataSource = ds;
    }

    public void migrateNow() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema of the original DAT server")
                .load();
        boolean hadHistory = historyExists();
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (RuntimeException e) {
            if (!hadHistory) {
                forgetBaseline(); // the first migration of an adopted (or empty) database failed: leave it as it was
            }
            throw e;
        }
        var current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "?" : current.getVersion())
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }

    private boolean historyExists() {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", new String[] {"TABLE"})) {
            return rs.next();
        } catch (SQLException e) {
            return true; // unknown: never drop what may be there
        }
    }

    /**
     * PostgreSQL rolled the failed migration's DDL back, but the baseline row that adopted the
     * database was committed before it: without it the next deployment adopts the database again
     * from scratch, as if this one had never run (e.g. after the owner of the old tables is fixed).
     */
    private void forgetBaseline() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS flyway_schema_history");
            LOG.warning("The first migration failed; the database is left as it was before this deployment");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not remove the schema history of a failed first migration", e);
        }
    }
}
