package kr.dat.platform.rest;

import jakarta.validation.Payload;

/**
 * Bean Validation payloads naming the {@code type} of a 422 entry when the annotation alone does
 * not say it (the old server's clients saw pydantic's error types).
 */
public final class ErrorType {

    private ErrorType() {
    }

    /** {@code "enum"}: the value is not one of the allowed names. */
    public interface Enum extends Payload {
    }

    /** {@code "value_error"}: a rule of ours; the message is prefixed with "Value error, ". */
    public interface ValueError extends Payload {
    }
}
