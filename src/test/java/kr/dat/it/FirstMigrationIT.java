package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import kr.dat.devstack.DevStackSessionListener;
import kr.dat.devstack.LegacyDatabase;
import kr.dat.platform.persistence.FlywayMigrator;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Adopting the old server's database with a role that does not own its tables and types (as a
 * hospital's DBA may have set it up): the first migration fails, leaves the database exactly as it
 * was, and succeeds once ownership is fixed. Flyway runs here as the server runs it at deployment.
 */
class FirstMigrationIT {

    private static DataSource database(String name, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(DevStackSessionListener.stack().jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"));
        ds.setUser(user);
        ds.setPassword(user);
        return ds;
    }

    private static boolean hasHistory(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return rs.next();
        }
    }

    @Test
    void aFailedFirstMigrationLeavesTheDatabaseRetryable() throws Exception {
        DataSource admin = DevStackSessionListener.stack().dataSource();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS adopt_owner");
            st.execute("DROP ROLE IF EXISTS dat_app");
            st.execute("DROP ROLE IF EXISTS dat_old");
            st.execute("CREATE ROLE dat_app LOGIN PASSWORD 'dat_app'");
            st.execute("CREATE ROLE dat_old LOGIN PASSWORD 'dat_old'");
            st.execute("CREATE DATABASE adopt_owner OWNER dat_app");
        }
        DataSource asPostgres = database("adopt_owner", "postgres");
        try (Connection c = asPostgres.getConnection(); Statement st = c.createStatement()) {
            st.execute("GRANT ALL ON SCHEMA public TO dat_old");
        }
        LegacyDatabase.load(database("adopt_owner", "dat_old")); // the old server's tables, owned by its own role
        DataSource asApp = database("adopt_owner", "dat_app");

        FlywayMigrator migrator = new FlywayMigrator();
        migrator.useDataSource(asApp);
        RuntimeException failed = assertThrows(RuntimeException.class, migrator::migrateNow);
        assertFalse(hasHistory(asPostgres), "no baseline row is left behind: " + failed.getMessage());

        try (Connection c = asPostgres.getConnection(); Statement st = c.createStatement()) {
            st.execute("REASSIGN OWNED BY dat_old TO dat_app"); // what the deployment guide says to do
        }
        migrator.migrateNow();
        try (Connection c = asApp.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version::int) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertEquals(latestMigration(), rs.getInt(1), "adopted at 1, then every later migration");
        }
    }

    /** The highest V&lt;n&gt;__ migration in the source tree (the suite runs from the project directory). */
    private static int latestMigration() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }
}
