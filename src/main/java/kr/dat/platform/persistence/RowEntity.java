package kr.dat.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import org.hibernate.Hibernate;

/**
 * What every table of the old schema has: a serial {@code id} and naive-UTC {@code created_at} /
 * {@code updated_at}. Two entities are equal when they are the same row (same class, same id);
 * the hash code does not change when the id is assigned at the insert.
 */
@MappedSuperclass
public abstract class RowEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected RowEntity() {
    }

    /** A new row, created (and last updated) at {@code nowUtc}. */
    protected RowEntity(LocalDateTime nowUtc) {
        this.createdAt = nowUtc;
        this.updatedAt = nowUtc;
    }

    protected void touch(LocalDateTime nowUtc) {
        this.updatedAt = nowUtc;
    }

    public Integer id() {
        return id;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    @Override
    public final boolean equals(Object o) {
        return this == o || (o instanceof RowEntity other && id != null && id.equals(other.id)
                && Hibernate.getClass(this) == Hibernate.getClass(other));
    }

    @Override
    public final int hashCode() {
        return Hibernate.getClass(this).hashCode();
    }
}
