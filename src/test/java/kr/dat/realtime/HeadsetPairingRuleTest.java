package kr.dat.realtime;

import static kr.dat.realtime.HeadsetGate.Pairing.MISSING_TOKEN;
import static kr.dat.realtime.HeadsetGate.Pairing.PAIRED;
import static kr.dat.realtime.HeadsetGate.Pairing.UNPAIRED;
import static kr.dat.realtime.HeadsetGate.Pairing.WRONG_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kr.dat.platform.config.AppConfig.Pairing;
import org.junit.jupiter.api.Test;

class HeadsetPairingRuleTest {

    private static HeadsetGate.Pairing rule(Pairing mode, boolean presented, boolean matches, boolean patientPaired) {
        return HeadsetGate.pairing(mode, presented, () -> matches, () -> patientPaired);
    }

    @Test
    void offIgnoresTokensEntirely() {
        assertEquals(UNPAIRED, rule(Pairing.OFF, true, false, true), "even a wrong token is ignored");
        assertEquals(UNPAIRED, rule(Pairing.OFF, false, false, true));
    }

    @Test
    void optionalProtectsPairedPatientsOnly() {
        assertEquals(UNPAIRED, rule(Pairing.OPTIONAL, false, false, false), "an unpaired patient: compatible mode");
        assertEquals(MISSING_TOKEN, rule(Pairing.OPTIONAL, false, false, true), "a paired patient needs its token");
        assertEquals(PAIRED, rule(Pairing.OPTIONAL, true, true, true));
        assertEquals(WRONG_TOKEN, rule(Pairing.OPTIONAL, true, false, true));
        assertEquals(WRONG_TOKEN, rule(Pairing.OPTIONAL, true, false, false), "a presented token must be right");
    }

    @Test
    void requiredNeedsTheRightTokenForEveryPatient() {
        assertEquals(MISSING_TOKEN, rule(Pairing.REQUIRED, false, false, false), "even an unpaired patient");
        assertEquals(MISSING_TOKEN, rule(Pairing.REQUIRED, false, false, true));
        assertEquals(WRONG_TOKEN, rule(Pairing.REQUIRED, true, false, true));
        assertEquals(PAIRED, rule(Pairing.REQUIRED, true, true, true));
    }
}
