package kr.dat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.RowEntity;

/**
 * One refresh token of a login family (table {@code tokens}). Only the SHA-256 of the token is
 * stored. A token that was used for a refresh is marked rotated ({@code is_deleted}); it stays usable
 * until it expires (several browser tabs hold tokens of one login), unless reuse detection is on.
 */
@Entity
@Table(name = "tokens")
public class RefreshToken extends RowEntity {

    @Column(name = "refresh_token", nullable = false)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private Integer userId;

    @Column(name = "ip_address", length = 45)
    private String ipAddress;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    @Column(name = "family_id", length = 36)
    private String familyId;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "is_deleted", nullable = false)
    private boolean rotated;

    protected RefreshToken() {
    }

    public RefreshToken(String tokenHash, Integer userId, String familyId, String ipAddress, String userAgent,
                        LocalDateTime expiresAt) {
        super(Times.nowUtc());
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.userId = Objects.requireNonNull(userId);
        this.familyId = Objects.requireNonNull(familyId);
        this.ipAddress = truncate(ipAddress, 45);
        this.userAgent = truncate(userAgent, 255);
        this.expiresAt = Objects.requireNonNull(expiresAt);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Integer userId() {
        return userId;
    }

    public String familyId() {
        return familyId;
    }

    public boolean isRotated() {
        return rotated;
    }

    /** Rotated at or before {@code t} (the row's {@code updated_at} is the rotation time). */
    public boolean rotatedBefore(LocalDateTime t) {
        return rotated && !updatedAt().isAfter(t);
    }

    public boolean isExpired(LocalDateTime nowUtc) {
        return expiresAt == null || !expiresAt.isAfter(nowUtc);
    }

    /** True when both sides are known and differ (the token travels from another client). */
    public boolean clientDiffers(String ip, String ua) {
        return differs(ipAddress, truncate(ip, 45)) || differs(userAgent, truncate(ua, 255));
    }

    private static boolean differs(String stored, String presented) {
        return stored != null && presented != null && !stored.equals(presented);
    }
}
