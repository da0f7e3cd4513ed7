package kr.dat.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who made the current request, as established by {@link BearerAuthFilter}. */
@RequestScoped
public class Caller {

    private Integer userId;
    private UserRole role;

    void authenticated(int userId, UserRole role) {
        this.userId = userId;
        this.role = role;
    }

    public int userId() {
        if (userId == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return userId;
    }

    public UserRole role() {
        return role;
    }
}
