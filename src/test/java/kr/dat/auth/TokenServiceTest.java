package kr.dat.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens verify once and are then remembered, without remembering anything a fresh check would refuse. */
class TokenServiceTest {

    private final AtomicLong now = new AtomicLong(System.currentTimeMillis() / 1000);
    private TokenService tokens;

    @BeforeEach
    void setUp() {
        tokens = service("a secret of the test, long enough for HS256 keys");
    }

    private TokenService service(String secret) {
        TokenService t = new TokenService();
        t.init(secret);
        t.clock = now::get;
        return t;
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        String access = tokens.issue(7, TokenService.ACCESS, "family-1", Duration.ofSeconds(60));
        TokenService.Claims first = tokens.verify(access, TokenService.ACCESS);
        assertEquals(new TokenService.Claims(7, TokenService.ACCESS, "family-1"), first);
        assertEquals(1, tokens.remembered());
        now.addAndGet(59);
        assertEquals(first, tokens.verify(access, TokenService.ACCESS), "one second before exp");
        now.addAndGet(1);
        assertNull(tokens.verify(access, TokenService.ACCESS), "at exp, as jose4j decides");
        assertEquals(0, tokens.remembered(), "an expired token is forgotten");
    }

    @Test
    void aRememberedTokenIsStillOnlyItsOwnType() {
        String refresh = tokens.issue(7, TokenService.REFRESH, "family-1", Duration.ofMinutes(5));
        assertNull(tokens.verify(refresh, TokenService.ACCESS), "a refresh token is not an access token");
        assertNull(tokens.verify(refresh, TokenService.ACCESS), "nor the second time, from memory");
        assertNotNull(tokens.verify(refresh, TokenService.REFRESH));
    }

    @Test
    void onlyTheVerifiedTextMatches() {
        String access = tokens.issue(7, TokenService.ACCESS, "family-1", Duration.ofMinutes(5));
        assertNotNull(tokens.verify(access, TokenService.ACCESS));
        String[] parts = access.split("\\.");
        // the same claims with another user's id, the signature of the remembered token kept
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"sub\":\"7\"", "\"sub\":\"8\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
        assertNull(tokens.verify(forged, TokenService.ACCESS));
        assertNull(tokens.verify(access.substring(0, access.length() - 2), TokenService.ACCESS), "a cut signature");
        String otherKey = service("another secret, of another installation entirely").issue(7, TokenService.ACCESS, "family-1",
                Duration.ofMinutes(5));
        assertNull(tokens.verify(otherKey, TokenService.ACCESS), "signed with another key");
        assertNull(tokens.verify("", TokenService.ACCESS));
        assertEquals(1, tokens.remembered(), "nothing refused is remembered");
    }

    @Test
    void memoryIsBounded() {
        for (int i = 0; i < TokenService.CACHE_SIZE + 50; i++) {
            assertNotNull(tokens.verify(tokens.issue(i, TokenService.ACCESS, "f", Duration.ofSeconds(30)), TokenService.ACCESS));
        }
        assertEquals(TokenService.CACHE_SIZE, tokens.remembered());
        String late = tokens.issue(1, TokenService.ACCESS, "f", Duration.ofMinutes(5));
        assertNotNull(tokens.verify(late, TokenService.ACCESS), "verified without being remembered");
        now.addAndGet(60); // the first ones expire (they were issued by the real clock, this loop took a while)
        String later = tokens.issue(2, TokenService.ACCESS, "f", Duration.ofMinutes(5));
        assertNotNull(tokens.verify(later, TokenService.ACCESS));
        assertTrue(tokens.remembered() <= 2, "remembered " + tokens.remembered());
    }
}
