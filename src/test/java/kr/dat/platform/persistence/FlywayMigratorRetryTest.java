package kr.dat.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The migration at start-up is tried again when it meets a closed pooled connection (as after a
 * database restart: CI saw "This connection has been closed" fail a deployment), and only then.
 */
class FlywayMigratorRetryTest {

    private static RuntimeException failure(String sqlState) {
        return new IllegalStateException("migration failed", new SQLException("This connection has been closed.", sqlState));
    }

    @Test
    void aBrokenConnectionIsTriedAgainUntilTheMigrationSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        FlywayMigrator.retryingBrokenConnections(4, 1, () -> {
            if (calls.incrementAndGet() < 3) {
                throw failure("08003");
            }
        });
        assertEquals(3, calls.get());
    }

    @Test
    void anOutageThatLastsFailsAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException last = failure("08006");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> FlywayMigrator.retryingBrokenConnections(4, 1, () -> {
            calls.incrementAndGet();
            throw last;
        }));
        assertSame(last, thrown);
        assertEquals(4, calls.get());
    }

    @Test
    void aFailedMigrationItselfIsNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> FlywayMigrator.retryingBrokenConnections(4, 1, () -> {
            calls.incrementAndGet();
            throw failure("42P07"); // relation already exists: a migration's own error
        }));
        assertEquals(1, calls.get());
    }
}
