package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.dat.devstack.LegacyDatabase;
import kr.dat.devstack.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Our V1 migration recreates the old server's schema exactly: a fresh database migrated to V1 and
 * a database built by the old server's own DDL have the same columns, types, defaults, indexes,
 * constraints and enum labels.
 */
class SchemaIT {

    @Test
    void v1IsTheOldServersSchema() throws SQLException {
        DataSource ours = ScratchDatabase.create("schema_v1");
        DataSource theirs = ScratchDatabase.create("schema_alembic");

        Flyway.configure().dataSource(ours).locations("classpath:db/migration").target("1").load().migrate();
        LegacyDatabase.loadSchemaOnly(theirs);

        for (String query : DESCRIBE) {
            List<String> expected = rows(theirs, query);
            assertFalse(expected.isEmpty(), query);
            assertEquals(expected, rows(ours, query), query);
        }
    }

    private static final String SKIP = "('alembic_version', 'flyway_schema_history')";

    private static final List<String> DESCRIBE = List.of(
            "SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default, "
                    + "character_maximum_length FROM information_schema.columns WHERE table_schema = 'public' "
                    + "AND table_name NOT IN " + SKIP + " ORDER BY table_name, ordinal_position",
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                    + "AND tablename NOT IN " + SKIP + " ORDER BY tablename, indexname",
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN " + SKIP
                    + " ORDER BY 1, 2",
            "SELECT t.typname, e.enumsortorder, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                    + "ORDER BY 1, 2",
            "SELECT sequencename, increment_by, start_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1");

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(rs.getString(i)).append(" | ");
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
