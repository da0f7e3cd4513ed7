package kr.dat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import kr.dat.platform.config.Times;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account (table {@code users}). Timestamps are naive UTC. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

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

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected User() {
    }

    public User(String loginId, String hashedPassword, String name, UserRole role) {
        this.loginId = Objects.requireNonNull(loginId);
        this.hashedPassword = Objects.requireNonNull(hashedPassword);
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.verified = true;
        this.createdAt = Times.nowUtc();
        this.updatedAt = this.createdAt;
    }

    public Integer id() {
        return id;
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

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof User other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return User.class.hashCode();
    }
}
