package kr.dat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Objects;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.RowEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account (table {@code users}). Timestamps are naive UTC. */
@Entity
@Table(name = "users")
public class User extends RowEntity {

    @Column(name = "login_id", nullable = false)
    private String loginId;

    @Column(name = "hashed_password", nullable = false)
    private String hashedPassword;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "userrole")
    private UserRole role;

    @Column(name = "is_verified", nullable = false)
    private boolean verified;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    protected User() {
    }

    public User(String loginId, String hashedPassword, String name, UserRole role) {
        super(Times.nowUtc());
        this.loginId = Objects.requireNonNull(loginId);
        this.hashedPassword = Objects.requireNonNull(hashedPassword);
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.verified = true;
    }

    public String loginId() {
        return loginId;
    }

    public String hashedPassword() {
        return hashedPassword;
    }

    public String name() {
        return name;
    }

    public UserRole role() {
        return role;
    }

    public boolean isActive() {
        return !deleted;
    }
}
