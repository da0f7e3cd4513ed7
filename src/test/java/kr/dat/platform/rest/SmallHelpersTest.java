package kr.dat.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SmallHelpersTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void fieldNamesBecomeSnakeCaseLocations() {
        assertEquals("login_id", ConstraintViolationMapper.snake("loginId"));
        assertEquals("admin_code", ConstraintViolationMapper.snake("adminCode"));
        assertEquals("name", ConstraintViolationMapper.snake("name"));
    }

    @Test
    void naiveQueryDatesAreReadInTheApiZone() {
        assertEquals(Instant.parse("2025-05-09T15:00:00Z"), InvalidParameterException.instantQuery("d", "2025-05-10T00:00:00", SEOUL));
        assertEquals(Instant.parse("2025-05-09T15:00:00Z"), InvalidParameterException.instantQuery("d", "2025-05-10", SEOUL));
        assertEquals(Instant.parse("2025-05-10T00:00:00Z"), InvalidParameterException.instantQuery("d", "2025-05-10T00:00:00Z", SEOUL));
        assertEquals(Instant.parse("2025-05-09T15:30:00Z"), InvalidParameterException.instantQuery("d", "2025-05-10 00:30:00", SEOUL));
        InvalidParameterException bad = assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.instantQuery("start_date", "May 10", SEOUL));
        assertEquals("datetime_from_date_parsing", bad.error().type());
        assertEquals("missing", assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.instantQuery("end_date", null, SEOUL)).error().type());
    }

    @Test
    void queryDatesOutsideWhatTheDatabaseHoldsAre422s() {
        for (String extreme : java.util.List.of("+999999999-12-31T23:59:59", "-999999999-01-01T00:00:00",
                "+5874898-01-01", "+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00+18:00",
                "+10000-01-02T00:00:00", "0000-12-31T23:00:00Z")) {
            InvalidParameterException e = assertThrows(InvalidParameterException.class,
                    () -> InvalidParameterException.instantQuery("start_date", extreme, SEOUL), extreme);
            assertEquals("datetime_parsing", e.error().type(), extreme);
        }
        assertEquals(Instant.parse("9999-12-31T14:59:59Z"),
                InvalidParameterException.instantQuery("end_date", "9999-12-31T23:59:59", SEOUL));
    }

    @Test
    void integerParameters() {
        assertEquals(12, InvalidParameterException.intPath("id", "12"));
        assertEquals("int_parsing", assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.intPath("id", "1x")).error().type());
    }
}
