package kr.dat.platform.rest;

import jakarta.validation.Payload;

/**
 * Bean Validation payloads naming the {@code type} of a 422 entry when the annotation alone does
 * not say it (the old server's clients saw pydantic's error types).
 */
public final class ErrorType {

    /**
     * A string PostgreSQL's {@code text} can hold: no NUL character. Put on every request string that
     * reaches a query or a column (with {@link ValueError} and {@link #NUL_MESSAGE}); without it a
     * a NUL (U+0000) in a name is a 500 from the driver.
     */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NUL_MESSAGE = "NUL 문자(U+0000)는 사용할 수 없습니다.";

    private ErrorType() {
    }

    /** {@code "enum"}: the value is not one of the allowed names. */
    public interface Enum extends Payload {
    }

    /** {@code "value_error"}: a rule of ours; the message is prefixed with "Value error, ". */
    public interface ValueError extends Payload {
    }
}
