package kr.dat.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.dat.platform.rest.ErrorType;

/** Request bodies of {@code /api/auth}. Unknown fields are ignored. */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Register(
            @JsonbProperty("login_id") @NotNull @Size(min = 3, max = 20)
            @Pattern(regexp = ErrorType.NO_NUL, message = ErrorType.NUL_MESSAGE, payload = ErrorType.ValueError.class) String loginId,
            @NotNull @Size(min = 8, max = 128)
            @Pattern(regexp = "(?s).*[A-Za-z].*", message = Messages.PASSWORD_NEEDS_LETTER, payload = ErrorType.ValueError.class)
            @Pattern(regexp = "(?s).*[0-9].*", message = Messages.PASSWORD_NEEDS_DIGIT, payload = ErrorType.ValueError.class)
            String password,
            @NotNull @Size(min = 1, max = 50)
            @Pattern(regexp = "(?s).*\\S.*", message = "이름을 입력해야 합니다.", payload = ErrorType.ValueError.class)
            @Pattern(regexp = ErrorType.NO_NUL, message = ErrorType.NUL_MESSAGE, payload = ErrorType.ValueError.class)
            String name,
            @NotNull
            @Pattern(regexp = UserRole.REGISTRABLE, message = "Input should be 'NONE', 'DOCTOR', 'NURSE' or 'STAFF'",
                    payload = ErrorType.Enum.class)
            String role,
            @JsonbProperty("admin_code") @NotNull String adminCode) {
    }

    public record Login(
            @JsonbProperty("login_id") @NotNull @Size(min = 3, max = 20)
            @Pattern(regexp = ErrorType.NO_NUL, message = ErrorType.NUL_MESSAGE, payload = ErrorType.ValueError.class) String loginId,
            @NotNull @Size(max = 128) String password) {
    }

    public record Refresh(@JsonbProperty("refresh_token") @NotNull String refreshToken) {
    }
}
