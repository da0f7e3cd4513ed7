package kr.dat.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import kr.dat.platform.config.AppConfig;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * HS256 JWTs signed with {@code SECRET_KEY}, with the claims the clients read: {@code sub} (user id
 * as a string), {@code type} ({@code access} or {@code refresh}) and {@code exp}; plus {@code iat},
 * a random {@code jti} (two logins in one second never mint the same token) and {@code sid}, the
 * login family the token belongs to (revoking the family revokes its access tokens too).
 *
 * <p>Every authenticated request verifies its token, and jose4j's parse of header and claims
 * allocates ~80 KB each time (its JSON lexer's buffers; JFR of the live benchmark: a fifth of a
 * node's allocation). So a token that verified is remembered by its exact text — signature
 * included, so only the very string that was checked matches — with its expiry, which is checked
 * again on every use; at most {@link #CACHE_SIZE} of them. Revocation is not affected: it is looked
 * up in the database on every request ({@link AuthService#authenticate}).
 */
@ApplicationScoped
public class TokenService {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    @Inject
    AppConfig config;

    /** Verified tokens remembered; beyond it, expired ones are dropped, and if none were, nothing new is kept. */
    static final int CACHE_SIZE = 10_000;

    private HmacKey key;
    private JwtConsumer consumer;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    /** Seconds since the epoch, as jose4j's own checks read the clock (replaced in tests). */
    LongSupplier clock = () -> NumericDate.now().getValue();

    private record Verified(Claims claims, long expiresAt) {
    }

    /** What a verified token says. */
    public record Claims(int userId, String type, String familyId) {
    }

    @PostConstruct
    void init() {
        init(config.secretKey());
    }

    void init(String secretKey) {
        key = new HmacKey(secretKey.getBytes(StandardCharsets.UTF_8));
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setVerificationKey(key)
                .setRelaxVerificationKeyValidation() // the dev default key is shorter than 256 bits
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    public String issue(int userId, String type, String familyId, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(Integer.toString(userId));
        claims.setClaim("type", type);
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + lifetime.toSeconds()));
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setClaim("sid", familyId);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The claims of a valid, unexpired token of the given type; {@code null} for anything else. */
    public Claims verify(String token, String expectedType) {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.getAsLong() >= known.expiresAt()) { // expired now: as jose4j decides it (no clock skew allowed)
                verified.remove(token, known);
                return null;
            }
            return expectedType.equals(known.claims().type()) ? known.claims() : null;
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Object type = claims.getClaimValue("type");
            Object sid = claims.getClaimValue("sid");
            if (!(type instanceof String t)) {
                return null;
            }
            Claims out = new Claims(Integer.parseInt(claims.getSubject()), t, sid instanceof String s ? s : null);
            if (!claims.hasClaim("nbf")) { // ours never carry one; a token that does is checked every time
                remember(token, new Verified(out, claims.getExpirationTime().getValue()));
            }
            return expectedType.equals(t) ? out : null;
        } catch (InvalidJwtException | MalformedClaimException | NumberFormatException e) {
            return null;
        }
    }

    private void remember(String token, Verified v) {
        if (verified.size() >= CACHE_SIZE) {
            long now = clock.getAsLong();
            verified.values().removeIf(old -> now >= old.expiresAt());
            if (verified.size() >= CACHE_SIZE) {
                return;
            }
        }
        verified.put(token, v);
    }

    /** How many verified tokens are remembered (for tests). */
    int remembered() {
        return verified.size();
    }

    /** The stored form of a refresh token: its SHA-256, hex. */
    public static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
