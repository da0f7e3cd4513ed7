package kr.dat.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The API's timestamps: naive UTC from the database, shown in a zone with microseconds. */
class TimesTest {

    private static final DateTimeFormatter PATTERN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    @Test
    void aStoredTimeIsShownInKoreaWithMicroseconds() {
        assertEquals("2025-06-09T18:15:01.136293+09:00",
                Times.format(LocalDateTime.of(2025, 6, 9, 9, 15, 1, 136_293_999), ZoneId.of("Asia/Seoul")));
        assertEquals("2025-01-01T00:00:00.000000+00:00", Times.format(LocalDateTime.of(2025, 1, 1, 0, 0), ZoneOffset.UTC));
        assertNull(Times.format(null, ZoneOffset.UTC));
    }

    @Test
    void everyInstantReadsAsTheStandardFormatterWritesIt() {
        // zones with daylight saving, half and quarter hours, negative offsets and (Seoul before
        // 1908) an offset with seconds; instants from 1890 to 2100 with any nanoseconds
        List<ZoneId> zones = List.of(ZoneId.of("Asia/Seoul"), ZoneOffset.UTC, ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Kolkata"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("Australia/Lord_Howe"),
                ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"));
        Random random = new Random(7);
        long from = LocalDateTime.of(1890, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2100, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 200_000; i++) {
            LocalDateTime utc = LocalDateTime.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000), ZoneOffset.UTC);
            ZoneId zone = zones.get(i % zones.size());
            String expected = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).truncatedTo(ChronoUnit.MICROS).format(PATTERN);
            assertEquals(expected, Times.format(utc, zone), () -> utc + " in " + zone);
        }
    }
}
