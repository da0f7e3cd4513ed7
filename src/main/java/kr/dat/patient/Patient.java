package kr.dat.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import kr.dat.platform.config.Times;

/** A patient registered by a doctor (table {@code patients}). The code is unique for ever, deleted patients included. */
@Entity
@Table(name = "patients")
public class Patient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_by", nullable = false)
    private Integer doctorId;

    @Column(name = "is_deleted", nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected Patient() {
    }

    public Patient(String code, String name, Integer doctorId) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.doctorId = Objects.requireNonNull(doctorId);
        this.createdAt = Times.nowUtc();
        this.updatedAt = this.createdAt;
    }

    public boolean isOwnedBy(int doctorId) {
        return this.doctorId == doctorId;
    }

    public void rename(String newName) {
        this.name = Objects.requireNonNull(newName);
        this.updatedAt = Times.nowUtc();
    }

    public void delete() {
        this.deleted = true;
        this.updatedAt = Times.nowUtc();
    }

    public Integer id() {
        return id;
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

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Patient other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Patient.class.hashCode();
    }
}
