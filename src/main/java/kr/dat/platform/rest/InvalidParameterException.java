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
