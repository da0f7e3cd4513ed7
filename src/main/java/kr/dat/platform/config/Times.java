package kr.dat.platform.config;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The database keeps naive UTC timestamps (as the old server did); the API shows them in the
 * configured zone (KST) in ISO-8601 with microseconds, e.g. {@code 2025-06-09T18:15:01.136293+09:00}.
 */
public final class Times {

    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Times() {
    }

    /** Now, as a naive UTC timestamp truncated to microseconds (what PostgreSQL keeps). */
    public static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(LocalDateTime utc, ZoneId zone) {
        if (utc == null) {
            return null;
        }
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).truncatedTo(ChronoUnit.MICROS).format(API);
    }
}
