package kr.dat.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who made the current request, as established by {@link BearerAuthFilter}. */
@RequestScoped
public class Caller {

    private Integer userId;
    private UserRole role;
    private Integer doctorId;

    /** {@code doctorId}: the user's active doctor profile, looked up with the user (null: none). */
    void authenticated(int userId, UserRole role, Integer doctorId) {
        this.userId = userId;
        this.role = role;
        this.doctorId = doctorId;
    }

    /** The caller's active doctor profile, as it stood when the request was authenticated. */
    java.util.Optional<Integer> doctorId() {
        userId();
        return java.util.Optional.ofNullable(doctorId);
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
