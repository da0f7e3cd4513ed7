package kr.dat.patient;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.dat.platform.rest.ErrorType;

/** Request bodies of {@code /api/patients}. */
public final class PatientRequests {

    private static final String NAME_NOT_BLANK = "(?s).*\\S.*";
    private static final String NAME_BLANK_MESSAGE = "환자 이름을 입력해야 합니다.";

    private PatientRequests() {
    }

    /** {@code code} is optional: absent or empty → an automatic {@code DDD-NNN}. */
    public record Create(
            @NotNull @Size(min = 1, max = 50)
            @Pattern(regexp = NAME_NOT_BLANK, message = NAME_BLANK_MESSAGE, payload = ErrorType.ValueError.class)
            @Pattern(regexp = ErrorType.NO_NUL, message = ErrorType.NUL_MESSAGE, payload = ErrorType.ValueError.class)
            String name,
            @Size(max = 32)
            @Pattern(regexp = "|[A-Za-z0-9][A-Za-z0-9_-]*",
                    message = "환자 코드는 영문자, 숫자, '-', '_'만 사용할 수 있습니다.", payload = ErrorType.ValueError.class)
            String code) {
    }

    /** Only the name changes; null leaves it as it is. */
    public record Update(
            @Size(min = 1, max = 50)
            @Pattern(regexp = NAME_NOT_BLANK, message = NAME_BLANK_MESSAGE, payload = ErrorType.ValueError.class)
            @Pattern(regexp = ErrorType.NO_NUL, message = ErrorType.NUL_MESSAGE, payload = ErrorType.ValueError.class)
            String name) {
    }
}
