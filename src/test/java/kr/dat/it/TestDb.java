package kr.dat.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import kr.dat.devstack.DevStackSessionListener;

/** Direct looks into (and pokes at) the test database, for what the API does not show. */
final class TestDb {

    private TestDb() {
    }

    /** The first column of the first row, or null; {@code ?} parameters in order. */
    static String one(String sql, Object... params) throws SQLException {
        try (Connection c = DevStackSessionListener.stack().dataSource().getConnection();
             PreparedStatement ps = bind(c.prepareStatement(sql), params);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The first column of every row. */
    static java.util.List<String> strings(String sql, Object... params) throws SQLException {
        try (Connection c = DevStackSessionListener.stack().dataSource().getConnection();
             PreparedStatement ps = bind(c.prepareStatement(sql), params);
             ResultSet rs = ps.executeQuery()) {
            java.util.List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The number of rows a query returns. */
    static int count(String sql, Object... params) throws SQLException {
        try (Connection c = DevStackSessionListener.stack().dataSource().getConnection();
             PreparedStatement ps = bind(c.prepareStatement(sql), params);
             ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    /**
     * Polls the diagnosis' state, with back-off, until it is one of {@code wanted} or the deadline
     * passes; returns the last state seen.
     */
    static String awaitState(int diagnosisId, java.time.Duration timeout, String... wanted) throws Exception {
        java.util.Set<String> targets = java.util.Set.of(wanted);
        return Poll.until(timeout, () -> one("SELECT state::text FROM diagnoses WHERE id = ?", diagnosisId), targets::contains);
    }

    /**
     * Fails unless the row's {@code created_at} holds naive UTC close to now and the API showed the
     * same instant: what a server in any JVM zone must write.
     */
    static void assertCreatedInNaiveUtc(String table, int id, String apiCreatedAt) throws SQLException {
        assertNaiveUtc(table, "created_at", id, apiCreatedAt);
    }

    /** The same for an audit event's {@code at}. */
    static void assertAtInNaiveUtc(String table, long id, String apiAt) throws SQLException {
        assertNaiveUtc(table, "at", id, apiAt);
    }

    private static void assertNaiveUtc(String table, String column, long id, String apiCreatedAt) throws SQLException {
        String stored = one("SELECT " + column + "::text FROM " + table + " WHERE id = ?", id);
        java.time.Instant storedAsUtc = java.time.LocalDateTime.parse(stored.replace(' ', 'T'))
                .toInstant(java.time.ZoneOffset.UTC);
        long skew = Math.abs(java.time.Duration.between(storedAsUtc, java.time.Instant.now()).toSeconds());
        if (skew > 120) {
            throw new AssertionError(table + " " + id + ": " + column + " " + stored + " is not naive UTC (" + skew + " s off)");
        }
        java.time.Instant shown = java.time.OffsetDateTime.parse(apiCreatedAt).toInstant();
        if (!shown.equals(storedAsUtc)) {
            throw new AssertionError(table + " " + id + ": the API shows " + apiCreatedAt + " for the stored " + stored);
        }
    }

    /**
     * Freezes PostgreSQL (SIGSTOP to the postmaster and every backend) until the returned handle is
     * closed (SIGCONT): connections stay open but nothing answers, as with a stalled database host.
     */
    static AutoCloseable stallDatabase() throws Exception {
        java.nio.file.Path dataDir = java.nio.file.Path.of(one("SHOW data_directory"));
        String postmaster = java.nio.file.Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
        java.util.List<String> pids = new java.util.ArrayList<>(java.util.List.of(postmaster));
        Process children = new ProcessBuilder("pgrep", "-P", postmaster).start();
        pids.addAll(new String(children.getInputStream().readAllBytes()).lines().map(String::strip).toList());
        children.waitFor();
        signal("-STOP", pids);
        return () -> signal("-CONT", pids);
    }

    private static void signal(String signal, java.util.List<String> pids) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("kill", signal));
        cmd.addAll(pids);
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    static int update(String sql, Object... params) throws SQLException {
        try (Connection c = DevStackSessionListener.stack().dataSource().getConnection();
             PreparedStatement ps = bind(c.prepareStatement(sql), params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }
}
