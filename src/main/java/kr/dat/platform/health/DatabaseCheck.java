package kr.dat.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import kr.dat.platform.persistence.DataSources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when PostgreSQL answers a query and the schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    @Resource(lookup = DataSources.DAT)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("database");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(version) FROM flyway_schema_history WHERE success")) {
            rs.next();
            return r.up().withData("schema_version", String.valueOf(rs.getString(1))).build();
        } catch (SQLException e) {
            return r.down().withData("reason", reason(e.getSQLState())).build();
        } catch (RuntimeException e) {
            return r.down().withData("reason", "database unavailable").build();
        }
    }

    /** A short reason for operators; the exception itself is no one's business outside the log. */
    static String reason(String sqlState) {
        if (sqlState == null) {
            return "no connection to the database";
        }
        if (sqlState.startsWith("08")) {
            return "cannot connect to the database";
        }
        if (sqlState.equals("57014")) {
            return "database query timed out";
        }
        if (sqlState.equals("42P01")) {
            return "schema not migrated";
        }
        return "database query failed";
    }
}
