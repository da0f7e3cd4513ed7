package kr.dat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import kr.dat.platform.config.Times;

/** The doctor profile of a DOCTOR account (table {@code doctors}); its id, not the user id, owns patients. */
@Entity
@Table(name = "doctors")
public class Doctor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected Doctor() {
    }

    public Doctor(Integer userId) {
        this.userId = Objects.requireNonNull(userId);
        this.createdAt = Times.nowUtc();
        this.updatedAt = this.createdAt;
    }

    public Integer id() {
        return id;
    }

    public Integer userId() {
        return userId;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Doctor other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Doctor.class.hashCode();
    }
}
