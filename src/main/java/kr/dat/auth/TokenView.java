package kr.dat.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** {@code {"access_token","refresh_token"}}: no token_type, no cookie (the frontend reads these two). */
@JsonbPropertyOrder({"access_token", "refresh_token"})
public record TokenView(@JsonbProperty("access_token") String accessToken,
                        @JsonbProperty("refresh_token") String refreshToken) {

    static TokenView of(AuthService.TokenPair pair) {
        return new TokenView(pair.accessToken(), pair.refreshToken());
    }
}
