package kr.dat.patient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;
import kr.dat.audit.AuditAction;
import kr.dat.audit.AuditLog;
import kr.dat.platform.config.Times;
import kr.dat.platform.persistence.Lookups;

/**
 * Pairing of a patient's headset: the owning doctor issues a random token (shown once, stored as
 * its SHA-256) that the headset presents at the WebSocket handshake. Issuing again replaces it;
 * revoking removes it and the patient is unpaired.
 */
@ApplicationScoped
@Transactional
public class HeadsetTokens {

    private static final Logger LOG = Logger.getLogger(HeadsetTokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    @Inject
    PatientService patients;

    @Inject
    AuditLog audit;

    /** A token as shown to the doctor, once. */
    public record Issued(String token, LocalDateTime createdAt) {
    }

    public Issued issue(int doctorId, int patientId) {
        patients.requireOwnActive(doctorId, patientId);
        byte[] random = new byte[32]; // 256 bits
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        LocalDateTime now = Times.nowUtc();
        HeadsetToken existing = Lookups.find(em, HeadsetToken.class, patientId).orElse(null);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new HeadsetToken(patientId, hash(token), doctorId, now));
        audit.request(AuditAction.HEADSET_PAIR, patientId, null, existing != null ? "replaced" : null);
        LOG.info(() -> "Security: doctor " + doctorId + " paired a headset for patient " + patientId
                + (existing != null ? " (the previous token is revoked)" : ""));
        return new Issued(token, now);
    }

    public void revoke(int doctorId, int patientId) {
        patients.requireOwnActive(doctorId, patientId);
        int n = em.createQuery("DELETE FROM HeadsetToken t WHERE t.patientId = :p").setParameter("p", patientId)
                .executeUpdate();
        audit.request(AuditAction.HEADSET_UNPAIR, patientId, null, n == 0 ? "none issued" : null);
        LOG.info(() -> "Security: doctor " + doctorId + " revoked the headset token of patient " + patientId
                + (n == 0 ? " (none was issued)" : ""));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isPaired(int patientId) {
        return Lookups.find(em, HeadsetToken.class, patientId).isPresent();
    }

    /** Whether {@code token} is the patient's current token (compared in constant time). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean matches(int patientId, String token) {
        HeadsetToken t = Lookups.find(em, HeadsetToken.class, patientId).orElse(null);
        return t != null && token != null && MessageDigest.isEqual(
                t.tokenHash().getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
