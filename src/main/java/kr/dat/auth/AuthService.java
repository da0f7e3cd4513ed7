package kr.dat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.Constraints;
import kr.dat.platform.rest.DomainException;

/** Registration, login, refresh, logout and the check of an access token. Each method is one transaction. */
@ApplicationScoped
@Transactional
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    AdminCodeThrottle adminCodes;

    @Inject
    AuditLog audit;

    @Inject
    AppConfig config;

    /** A new login's tokens. */
    public record TokenPair(String accessToken, String refreshToken) {
    }

    /** Where a login or refresh comes from. */
    public record Client(String ip, String userAgent) {
    }

    public record Registration(String loginId, String password, String name, UserRole role, String adminCode) {
    }

    /**
     * Creates the account, and for a DOCTOR its doctor profile, in one transaction. Wrong admin codes
     * are throttled per address and server-wide; while locked even the right code is refused.
     */
    public User register(Registration r, Client client) {
        if (adminCodes.isLocked(client.ip())) {
            LOG.warning(() -> "Security: registration from " + client.ip() + " refused while wrong admin codes are throttled");
            throw DomainException.badRequest(Messages.BAD_ADMIN_CODE);
        }
        if (!constantTimeEquals(r.adminCode(), config.adminCode())) {
            adminCodes.recordFailure(client.ip());
            LOG.warning(() -> "Security: wrong admin code at registration from " + client.ip());
            throw DomainException.badRequest(Messages.BAD_ADMIN_CODE);
        }
        if (accounts.loginIdTaken(r.loginId())) {
            throw DomainException.badRequest(Messages.LOGIN_ID_TAKEN);
        }
        User user = new User(r.loginId(), hasher.hash(r.password()), r.name().strip(), r.role());
        try {
            accounts.persist(user);
            accounts.flush();
            if (r.role() == UserRole.DOCTOR) {
                accounts.persist(new Doctor(user.id()));
                accounts.flush();
            }
        } catch (PersistenceException e) {
            if (Constraints.isUniqueViolation(e)) { // a concurrent registration of the same login id won
                throw DomainException.badRequest(Messages.LOGIN_ID_TAKEN);
            }
            throw e;
        }
        LOG.info(() -> "Registered user " + user.id() + " with role " + user.role());
        return user;
    }

    public TokenPair login(String loginId, String password, Client client) {
        if (throttle.isLocked(loginId, client.ip())) {
            LOG.warning(() -> "Login refused while throttled (login id locked or address " + client.ip() + " locked)");
            audit.login(AuditAction.LOGIN_REFUSED, null, loginId);
            throw DomainException.unauthorized(Messages.BAD_CREDENTIALS);
        }
        Optional<User> found = accounts.findActiveUserByLoginId(loginId);
        boolean ok;
        if (found.isPresent()) {
            ok = hasher.verify(password, found.get().hashedPassword());
        } else {
            hasher.burnVerification(password);
            ok = false;
        }
        if (!ok) {
            throttle.recordFailure(loginId, client.ip());
            audit.login(AuditAction.LOGIN_FAILED, found.map(User::id).orElse(null), loginId);
            throw DomainException.unauthorized(Messages.BAD_CREDENTIALS);
        }
        throttle.recordSuccess(loginId);
        User user = found.get();
        audit.login(AuditAction.LOGIN, user.id(), loginId);
        LocalDateTime now = Times.nowUtc();
        accounts.deleteExpired(user.id(), now);
        if (config.allowMultipleSessions()) {
            accounts.deleteSameClient(user.id(), client.ip(), client.userAgent());
        } else {
            accounts.deleteAllOfUser(user.id());
        }
        return issuePair(user.id(), UUID.randomUUID().toString(), client, now);
    }

    /**
     * Issues a new pair for a live refresh token. The presented token is marked rotated; by default
     * it keeps working until it expires (the front end holds one token per browser tab, and two
     * concurrent refreshes with one token must both succeed). With {@code REFRESH_TOKEN_REUSE_DETECTION}
     * on, presenting a rotated token after the grace period revokes the whole login.
     */
    /** A reuse revokes the login family and answers 401: the revocation commits all the same. */
    @Transactional(dontRollbackOn = RevokedException.class)
    public TokenPair refresh(String refreshToken, Client client) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw DomainException.unauthorized(Messages.NO_REFRESH_TOKEN);
        }
        TokenService.Claims claims = tokens.verify(refreshToken, TokenService.REFRESH);
        if (claims == null) {
            throw DomainException.unauthorized(Messages.BAD_REFRESH_TOKEN);
        }
        RefreshToken stored = accounts.findRefreshToken(TokenService.fingerprint(refreshToken))
                .orElseThrow(() -> DomainException.unauthorized(Messages.BAD_REFRESH_TOKEN));
        LocalDateTime now = Times.nowUtc();
        if (stored.clientDiffers(client.ip(), client.userAgent())) {
            revokeFamily(stored, "refresh from another client");
        }
        if (stored.isRotated() && config.refreshTokenReuseDetection()
                && stored.rotatedBefore(now.minusSeconds(config.refreshTokenReuseGraceSeconds()))) {
            revokeFamily(stored, "reuse of a rotated refresh token");
        }
        boolean userLive = accounts.findUser(stored.userId()).map(User::isActive).orElse(false);
        if (stored.isExpired(now) || !userLive || stored.userId() != claims.userId()) {
            throw DomainException.unauthorized(Messages.BAD_REFRESH_TOKEN);
        }
        accounts.markRotated(stored, now); // false when a concurrent refresh marked it first: both get a pair
        return issuePair(stored.userId(), stored.familyId(), client, now);
    }

    private void revokeFamily(RefreshToken stored, String why) {
        int n = accounts.deleteFamily(stored.familyId());
        LOG.warning(() -> "Revoked login family of user " + stored.userId() + " (" + n + " token(s)): " + why);
        // the revocation must survive the 401: commit it instead of rolling back
        throw new RevokedException();
    }

    /** Ends every login of the user; their access tokens stop working at once. */
    public void logout(Caller caller) {
        int n = accounts.deleteAllOfUser(caller.userId());
        LOG.info(() -> "User " + caller.userId() + " logged out (" + n + " token(s) revoked)");
    }

    /**
     * The user behind an access token, or a 401 with the contract's text. Every authenticated
     * request passes here: reads only, so no transaction of its own.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountRepository.Principal authenticate(String accessToken) {
        TokenService.Claims claims = tokens.verify(accessToken, TokenService.ACCESS);
        if (claims == null) {
            throw DomainException.unauthorized(Messages.AUTH_FAILED);
        }
        // the login family must be live and the user's own: a token carrying another user's sub with my sid is refused
        if (claims.familyId() == null) {
            throw DomainException.unauthorized(Messages.AUTH_FAILED);
        }
        return accounts.findActiveUserInLiveFamily(claims.userId(), claims.familyId(), Times.nowUtc())
                .orElseThrow(() -> DomainException.unauthorized(Messages.AUTH_FAILED));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public User me(Caller caller) {
        return accounts.findUser(caller.userId())
                .orElseThrow(() -> DomainException.unauthorized(Messages.AUTH_FAILED));
    }

    private TokenPair issuePair(int userId, String familyId, Client client, LocalDateTime now) {
        Duration refreshLife = Duration.ofMinutes(config.refreshTokenMinutes());
        String access = tokens.issue(userId, TokenService.ACCESS, familyId, Duration.ofMinutes(config.accessTokenMinutes()));
        String refresh = tokens.issue(userId, TokenService.REFRESH, familyId, refreshLife);
        accounts.persist(new RefreshToken(TokenService.fingerprint(refresh), userId, familyId,
                client.ip(), client.userAgent(), now.plus(refreshLife)));
        return new TokenPair(access, refresh);
    }

    private static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
