package kr.dat.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
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

    @Resource(lookup = "java:jboss/datasources/DatDS")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema of the original DAT server")
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "?" : current.getVersion())
                + " (" + result.migrationsExecuted + " migration(s) applied now)");
    }
}
