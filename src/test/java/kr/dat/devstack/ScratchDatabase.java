package kr.dat.devstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** An empty database of its own on the tests' PostgreSQL, for tests the server under test must not see. */
public final class ScratchDatabase {

    private ScratchDatabase() {
    }

    /** Drops the database {@code name} if it exists and creates it empty. */
    public static DataSource create(String name) throws SQLException {
        DevStack stack = DevStackSessionListener.stack();
        try (Connection c = stack.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(stack.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1"));
        ds.setUser(DevStack.DB_USER);
        ds.setPassword(DevStack.DB_PASSWORD);
        return ds;
    }
}
