package kr.dat.platform.rest;

import java.sql.SQLException;

/**
 * Recognises a failure that means "the database did not answer" — a stalled or restarting
 * PostgreSQL, a broken pooled connection, a pool that had no connection to lend in time — as
 * opposed to a bug or a rule the database enforced (constraint violations stay what they are).
 */
public final class DatabaseUnavailable {

    public static final String DETAIL = "데이터베이스가 응답하지 않습니다. 잠시 후 다시 시도해 주세요.";

    private DatabaseUnavailable() {
    }

    /** Thrown where the failure was recognised by other means than an exception from the driver. */
    public static class Exception extends RuntimeException {

        public Exception(String message) {
            super(message);
        }
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailable.Exception || t instanceof java.net.SocketTimeoutException || t instanceof java.net.ConnectException
                    || t instanceof java.io.EOFException || isA(t, "jakarta.resource.ResourceException")
                    || isA(t, "org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** By name: the JCA and Hibernate classes need not be visible to this class loader. */
    private static boolean isA(Throwable t, String className) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), insufficient resources (53), operator intervention (57: shutdown, cancel). */
    static boolean unavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
    }

    /** Seconds a client is told to wait ({@code Retry-After}) before it tries again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * Logs the outage as a warning under a new incident id (no stack trace: it is not a bug) and
     * returns the {@code detail} for the 503 that answers it.
     */
    static String incident(java.util.logging.Logger log, Throwable e) {
        String incident = java.util.UUID.randomUUID().toString();
        log.warning(() -> "Database unavailable, incident " + incident + ": " + summary(e));
        return DETAIL + " (incident " + incident + ")";
    }

    /** Answers a servlet request that met the outage as the API does: 503, Retry-After, the detail. */
    static void answer(jakarta.servlet.http.HttpServletResponse res, java.util.logging.Logger log, Throwable e)
            throws java.io.IOException {
        if (!res.isCommitted()) {
            res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        Problem.write(res, 503, incident(log, e));
    }

    /** The innermost cause's class and message, for the log. */
    static String summary(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
