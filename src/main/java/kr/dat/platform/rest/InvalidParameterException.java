package kr.dat.platform.rest;

import java.util.List;

/** A path or query parameter that does not parse: a 422 entry like FastAPI's. */
public class InvalidParameterException extends RuntimeException {

    private final transient ValidationError error;

    public InvalidParameterException(ValidationError error) {
        super(error.msg(), null, false, false);
        this.error = error;
    }

    public ValidationError error() {
        return error;
    }

    /** A required query parameter is absent: {@code missing}. */
    public static String requiredQuery(String name, String raw) {
        if (raw == null) {
            throw new InvalidParameterException(new ValidationError("missing", List.of("query", name), "Field required",
                    null, null));
        }
        return raw;
    }

    /** Parses a required integer query parameter. */
    public static int intQuery(String name, String raw) {
        requiredQuery(name, raw);
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(new ValidationError("int_parsing", List.of("query", name),
                    "Input should be a valid integer, unable to parse string as an integer", raw, null));
        }
    }

    /** Earliest and latest instant a query date may name: PostgreSQL's timestamp cannot hold year 999999999. */
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("0001-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * Parses a required ISO-8601 date-time query parameter. A value without an offset (what the
     * doctor front end sends, e.g. {@code 2025-05-10T00:00:00}) is read in {@code zone}; a date alone
     * means its start. Years outside 1–9999 (after the offset is applied) are refused with a 422.
     */
    public static java.time.Instant instantQuery(String name, String raw, java.time.ZoneId zone) {
        requiredQuery(name, raw);
        java.time.Instant instant;
        try {
            instant = parseInstant(raw.strip().replace(' ', 'T'), zone);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(new ValidationError("datetime_from_date_parsing",
                    List.of("query", name), "Input should be a valid datetime or date, invalid character in year",
                    raw, null));
        } catch (java.time.DateTimeException | ArithmeticException e) { // e.g. year +999999999 at -18:00
            throw outOfRange(name, raw);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw outOfRange(name, raw);
        }
        return instant;
    }

    private static java.time.Instant parseInstant(String v, java.time.ZoneId zone) {
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (java.time.format.DateTimeParseException notLocal) {
                return java.time.LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
        }
    }

    private static InvalidParameterException outOfRange(String name, String raw) {
        return new InvalidParameterException(new ValidationError("datetime_parsing", List.of("query", name),
                "Input should be a valid datetime, year must be between 1 and 9999", raw, null));
    }

    /** Parses an integer path parameter or fails with {@code int_parsing}. */
    public static int intPath(String name, String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(new ValidationError("int_parsing", List.of("path", name),
                    "Input should be a valid integer, unable to parse string as an integer", raw, null));
        }
    }
}
