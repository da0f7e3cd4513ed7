package kr.dat.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The fixture database of the old server ({@code fixtures/legacy}), loaded through JDBC. */
public final class LegacyDatabase {

    private LegacyDatabase() {
    }

    public static Path fixtures() {
        return Path.of(System.getProperty("dat.fixtures", "src/test/resources/fixtures"));
    }

    /** Loads the old server's schema and rows (the dump taken with column inserts). */
    public static void load(DataSource ds) throws SQLException {
        execute(ds, read("legacy/legacy-db-inserts.sql"));
    }

    /** Runs the old server's DDL alone, as Alembic emitted it. */
    public static void loadSchemaOnly(DataSource ds) throws SQLException {
        execute(ds, read("legacy/legacy-schema.sql"));
    }

    private static String read(String name) {
        try {
            return Files.readString(fixtures().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
