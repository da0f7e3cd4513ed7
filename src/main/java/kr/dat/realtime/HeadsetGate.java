package kr.dat.realtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import kr.dat.diagnosis.DiagnosisService;
import kr.dat.patient.HeadsetTokens;
import kr.dat.patient.Patient;
import kr.dat.patient.PatientService;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.throttle.FailureCounter;

/**
 * Decides, at the handshake, whether a headset socket may be opened — the protocol has no
 * credential of its own, so this is where a guessed code is stopped:
 * <ol>
 *   <li>an address that recently tried too many unknown codes or wrong tokens, or opened too
 *       many connections, is refused (4029) before anything is looked up;</li>
 *   <li>an unknown or deleted code is refused (4004) and counted;</li>
 *   <li>pairing ({@code HEADSET_PAIRING}): a paired patient (optional) or every patient
 *       (required) needs its token; a wrong one is refused (4001) and counted;</li>
 *   <li>while the patient's live session belongs to a socket that still answers pings, another
 *       socket is refused (4009) instead of displacing it — unless it presents the patient's
 *       token; a socket that went silent (Wi-Fi lost) is taken over by the new one;</li>
 *   <li>otherwise the socket is accepted: registered in presence before the 101 is sent, and
 *       the live session, if any, now belongs to it.</li>
 * </ol>
 */
@ApplicationScoped
public class HeadsetGate {

    private static final Logger LOG = Logger.getLogger(HeadsetGate.class.getName());
    private static final int LOCKS = 64;

    @Inject
    PatientService patients;

    @Inject
    HeadsetTokens tokens;

    @Inject
    DiagnosisService diagnoses;

    @Inject
    PresenceRepository presence;

    @Inject
    HeadsetRegistry registry;

    @Inject
    AppConfig config;

    private final Object[] patientLocks = new Object[LOCKS];
    private FailureCounter failures;
    private FailureCounter connects;

    @PostConstruct
    void init() {
        for (int i = 0; i < LOCKS; i++) {
            patientLocks[i] = new Object();
        }
        failures = new FailureCounter(config::wsUnknownCodeMaxPerIp, config::wsThrottleWindowSeconds,
                config::wsThrottleLockSeconds, System::currentTimeMillis);
        connects = new FailureCounter(config::wsConnectsMaxPerIp, config::wsThrottleWindowSeconds,
                config::wsThrottleLockSeconds, System::currentTimeMillis);
    }

    Admission admit(String code, String address, String userAgent, Optional<String> token, boolean ack) {
        if (failures.isLocked(address) || connects.isLocked(address)) {
            return Admission.refused(Admission.Outcome.THROTTLED);
        }
        Optional<Patient> found = HeadsetEndpoint.plausible(code) ? patients.findActiveByCode(code) : Optional.empty();
        if (found.isEmpty()) {
            fail(address, "unknown patient code");
            LOG.info(() -> "Headset socket for an unknown or deleted patient code from " + address + " refused (4004)");
            return Admission.refused(Admission.Outcome.UNKNOWN_PATIENT);
        }
        int patientId = found.get().id();
        AppConfig.Pairing mode = config.headsetPairing();
        Pairing pairing = pairing(mode, token.isPresent(),
                () -> token.isPresent() && tokens.matches(patientId, token.get()), () -> tokens.isPaired(patientId));
        if (pairing == Pairing.WRONG_TOKEN || pairing == Pairing.MISSING_TOKEN) {
            fail(address, pairing == Pairing.WRONG_TOKEN ? "wrong headset token" : "missing headset token");
            LOG.warning(() -> "Security: headset socket for patient " + patientId + " from " + address
                    + (pairing == Pairing.WRONG_TOKEN ? " with a wrong token" : " without its token") + " refused (4001)");
            return Admission.refused(Admission.Outcome.BAD_TOKEN);
        }
        boolean paired = pairing == Pairing.PAIRED;
        if (connects.record(address)) {
            LOG.warning(() -> "Security: address " + address + " opened " + config.wsConnectsMaxPerIp()
                    + " headset connections within " + config.wsThrottleWindowSeconds() + " s; refused for a while");
        }
        if (connects.isLocked(address)) {
            return Admission.refused(Admission.Outcome.THROTTLED);
        }
        synchronized (patientLocks[Math.floorMod(patientId, LOCKS)]) {
            Optional<String> owner = diagnoses.liveHeadsetConnection(patientId);
            if (owner.isPresent() && !paired && presence.isAlive(patientId, owner.get(), livenessSeconds())) {
                LOG.warning(() -> "Security: a second headset socket for patient " + patientId + " from " + address
                        + " refused (4009): the live session's socket answers pings");
                return Admission.refused(Admission.Outcome.BUSY);
            }
            HeadsetConnection conn = new HeadsetConnection(patientId, UUID.randomUUID().toString(), ack, paired,
                    address, userAgent);
            presence.register(patientId, conn.id());
            registry.add(conn);
            if (owner.isPresent() && diagnoses.takeOver(patientId, conn.id())) {
                LOG.info(() -> "Headset socket " + conn.id() + " of patient " + patientId + " took over its live session"
                        + " (the previous socket " + owner.get() + " was gone or silent)");
            }
            return new Admission(Admission.Outcome.ACCEPTED, conn);
        }
    }

    /** What the pairing rule says of a handshake. */
    enum Pairing { UNPAIRED, PAIRED, WRONG_TOKEN, MISSING_TOKEN }

    /**
     * The pairing rule: {@code off} ignores tokens; {@code optional} lets unpaired patients' headsets
     * in without one, but a presented token must be right and a paired patient needs its token;
     * {@code required} needs the right token for every patient.
     */
    static Pairing pairing(AppConfig.Pairing mode, boolean tokenPresented,
                           java.util.function.BooleanSupplier tokenMatches, java.util.function.BooleanSupplier patientPaired) {
        if (mode == AppConfig.Pairing.OFF) {
            return Pairing.UNPAIRED;
        }
        if (tokenPresented) {
            return tokenMatches.getAsBoolean() ? Pairing.PAIRED : Pairing.WRONG_TOKEN;
        }
        if (mode == AppConfig.Pairing.REQUIRED || patientPaired.getAsBoolean()) {
            return Pairing.MISSING_TOKEN;
        }
        return Pairing.UNPAIRED;
    }

    /** How long a socket that stopped answering pings still holds its live session. */
    int livenessSeconds() {
        return config.headsetPingSeconds() * 5 / 2;
    }

    private void fail(String address, String what) {
        if (failures.record(address)) {
            LOG.warning(() -> "Security: address " + address + " refused for " + config.wsThrottleLockSeconds()
                    + " s after " + config.wsUnknownCodeMaxPerIp() + " headset handshakes failing (last: " + what + ")");
        }
    }
}
