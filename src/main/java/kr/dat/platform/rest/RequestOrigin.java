package kr.dat.platform.rest;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from and who made it, for the audit trail: the client address
 * (see {@link ClientAddress}) and User-Agent, set for every API request; the user, once the bearer
 * token was checked.
 */
@RequestScoped
public class RequestOrigin {

    private String address;
    private String userAgent;
    private Integer userId;
    private String role;

    public void from(String address, String userAgent) {
        this.address = address;
        this.userAgent = userAgent;
    }

    public void user(int userId, String role) {
        this.userId = userId;
        this.role = role;
    }

    public String address() {
        return address;
    }

    public String userAgent() {
        return userAgent;
    }

    public Integer userId() {
        return userId;
    }

    public String role() {
        return role;
    }
}
