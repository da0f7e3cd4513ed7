package kr.dat.auth;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.ZoneId;
import kr.dat.platform.config.Times;

/** User as the API shows it. */
@JsonbPropertyOrder({"id", "login_id", "name", "role", "created_at", "updated_at"})
public record UserView(int id,
                       @JsonbProperty("login_id") String loginId,
                       String name,
                       String role,
                       @JsonbProperty("created_at") String createdAt,
                       @JsonbProperty("updated_at") String updatedAt) {

    public static UserView of(User u, ZoneId zone) {
        return new UserView(u.id(), u.loginId(), u.name(), u.role().name(),
                Times.format(u.createdAt(), zone), Times.format(u.updatedAt(), zone));
    }
}
