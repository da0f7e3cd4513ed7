package kr.dat.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A paired headset's credential (table {@code headset_tokens}): only the token's SHA-256 is kept. */
@Entity
@Table(name = "headset_tokens")
public class HeadsetToken {

    @Id
    @Column(name = "patient_id")
    private Integer patientId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_by", nullable = false)
    private Integer createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    protected HeadsetToken() {
    }

    HeadsetToken(int patientId, String tokenHash, int createdBy, LocalDateTime createdAt) {
        this.patientId = patientId;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String tokenHash() {
        return tokenHash;
    }

    LocalDateTime createdAt() {
        return createdAt;
    }
}
