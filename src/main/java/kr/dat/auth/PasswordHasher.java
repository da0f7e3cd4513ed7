package kr.dat.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt, cost 12, written as {@code $2b$} like the old server's passlib. Verifies {@code $2a$},
 * {@code $2b$} and {@code $2y$} hashes. Passwords longer than bcrypt's 72 bytes are truncated,
 * as passlib did, so old hashes of long passwords still verify.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int COST = 12;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    /** A real hash of a random password: verifying against it costs what a real check costs. */
    private final byte[] dummyHash = hash("dummy-password-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);

    public String hash(String password) {
        return BCrypt.with(VERSION, LongPasswordStrategies.truncate(VERSION))
                .hashToString(COST, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (hash == null || !hash.startsWith("$2")) {
            return false;
        }
        return BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION))
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }

    /** Spends the time of a verification when there is no account, so timing does not reveal login ids. */
    public void burnVerification(String password) {
        BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION))
                .verify(password.getBytes(StandardCharsets.UTF_8), dummyHash);
    }
}
