package kr.dat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Optional;
import kr.dat.platform.persistence.Lookups;

/** JPA queries over users, doctors and refresh tokens. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    public Optional<User> findUser(int id) {
        return Lookups.find(em, User.class, id);
    }

    public Optional<User> findActiveUserByLoginId(String loginId) {
        return Lookups.first(em.createQuery("SELECT u FROM User u WHERE u.loginId = :loginId AND u.deleted = false", User.class)
                .setParameter("loginId", loginId));
    }

    public boolean loginIdTaken(String loginId) {
        return !em.createQuery("SELECT u.id FROM User u WHERE u.loginId = :loginId", Integer.class)
                .setParameter("loginId", loginId).setMaxResults(1).getResultList().isEmpty();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return Lookups.first(em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", tokenHash));
    }

    /** Marks a live token as rotated; false if another request rotated it first. */
    public boolean markRotated(RefreshToken token, LocalDateTime now) {
        return em.createQuery("UPDATE RefreshToken t SET t.rotated = true, t.updatedAt = :now "
                        + "WHERE t.id = :id AND t.rotated = false")
                .setParameter("id", token.id()).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** The user's login family still holds an unexpired refresh token (rotated ones count: they stay usable). */
    /**
     * The active user whose login family is live (not logged out, not expired): what every
     * authenticated request checks, in one query.
     */
    /** An authenticated user and the id of its active doctor profile, if it has one. */
    public record Principal(User user, Integer doctorId) {
    }

    /**
     * The user if it is active and the login family live and its own, with its doctor profile
     * (not deleted; at most one per user): one query for every authenticated request.
     */
    public Optional<Principal> findActiveUserInLiveFamily(int userId, String familyId, LocalDateTime now) {
        return Lookups.first(em.createQuery("SELECT u, (SELECT d.id FROM Doctor d WHERE d.userId = u.id AND d.deleted = false) "
                        + "FROM User u WHERE u.id = :user AND u.deleted = false AND EXISTS ("
                        + "SELECT t.id FROM RefreshToken t WHERE t.familyId = :family AND t.userId = :user AND t.expiresAt > :now)",
                        Object[].class)
                .setParameter("user", userId).setParameter("family", familyId).setParameter("now", now))
                .map(row -> new Principal((User) row[0], (Integer) row[1]));
    }

    public int deleteFamily(String familyId) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.familyId = :family")
                .setParameter("family", familyId).executeUpdate();
    }

    public int deleteAllOfUser(int userId) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user")
                .setParameter("user", userId).executeUpdate();
    }

    /** Ends the user's other logins from the same client (same address and user agent). */
    public int deleteSameClient(int userId, String ip, String userAgent) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user "
                        + "AND COALESCE(t.ipAddress, '') = :ip AND COALESCE(t.userAgent, '') = :ua")
                .setParameter("user", userId)
                .setParameter("ip", ip == null ? "" : ip)
                .setParameter("ua", userAgent == null ? "" : userAgent)
                .executeUpdate();
    }

    public int deleteExpired(int userId, LocalDateTime now) {
        return em.createQuery("DELETE FROM RefreshToken t WHERE t.userId = :user AND t.expiresAt <= :now")
                .setParameter("user", userId).setParameter("now", now).executeUpdate();
    }
}
