package kr.dat.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Objects;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.RowEntity;

/** A patient registered by a doctor (table {@code patients}). The code is unique for ever, deleted patients included. */
@Entity
@Table(name = "patients")
public class Patient extends RowEntity {

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_by", nullable = false)
    private Integer doctorId;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    protected Patient() {
    }

    public Patient(String code, String name, Integer doctorId) {
        super(Times.nowUtc());
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.doctorId = Objects.requireNonNull(doctorId);
    }

    public boolean isOwnedBy(int doctorId) {
        return this.doctorId == doctorId;
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
        touch(Times.nowUtc());
    }

    public void delete() {
        this.deleted = true;
        touch(Times.nowUtc());
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Integer doctorId() {
        return doctorId;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
