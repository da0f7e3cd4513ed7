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
        int offset = zone.getRules().getOffset(utc.toInstant(ZoneOffset.UTC)).getTotalSeconds();
        LocalDateTime local = utc.plusSeconds(offset);
        if (offset % 60 != 0 || local.getYear() < 0 || local.getYear() > 9999) {
            // offsets with seconds (local mean time before 1908) and years the pattern writes otherwise
            return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).truncatedTo(ChronoUnit.MICROS).format(API);
        }
        // the same text as API, written directly: list responses format hundreds of these per request
        char[] c = new char[32];
        digits(c, 0, local.getYear(), 4);
        c[4] = '-';
        digits(c, 5, local.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, local.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, local.getHour(), 2);
        c[13] = ':';
        digits(c, 14, local.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, local.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, local.getNano() / 1000, 6);
        c[26] = offset < 0 ? '-' : '+';
        int minutes = Math.abs(offset) / 60;
        digits(c, 27, minutes / 60, 2);
        c[29] = ':';
        digits(c, 30, minutes % 60, 2);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
