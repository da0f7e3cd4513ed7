package kr.dat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.RowEntity;

/** The doctor profile of a DOCTOR account (table {@code doctors}); its id, not the user id, owns patients. */
@Entity
@Table(name = "doctors")
public class Doctor extends RowEntity {

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    protected Doctor() {
    }

    public Doctor(Integer userId) {
        super(Times.nowUtc());
        this.userId = Objects.requireNonNull(userId);
    }

    public Integer userId() {
        return userId;
    }
}
