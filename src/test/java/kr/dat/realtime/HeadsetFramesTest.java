package kr.dat.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kr.dat.platform.config.AppConfig;
import org.junit.jupiter.api.Test;

class HeadsetFramesTest {

    @Test
    void encodesServerFramesAsTheUnityClientExpects() {
        assertEquals("{\"action\":\"s_start_diagnosis\",\"data\":{\"diagnosis_id\":13,\"type\":\"BALANCEBALL\",\"level\":2}}",
                HeadsetFrames.start(13, "BALANCEBALL", 2));
        assertEquals("{\"action\":\"s_stop_diagnosis\",\"data\":null}", HeadsetFrames.stop());
        assertEquals("{\"action\":\"s_force_disconnect\",\"data\":null}", HeadsetFrames.forceDisconnect());
    }

    @Test
    void decodesClientFrames() {
        var m = HeadsetFrames.decode("{\"action\":\"c_diagnosis_started\",\"data\":{\"diagnosis_id\":7}}").orElseThrow();
        assertEquals("c_diagnosis_started", m.action());
        assertEquals(7, m.diagnosisId().orElseThrow());
        var upload = HeadsetFrames.decode("{\"action\":\"c_upload_result\",\"data\":{\"diagnosis_id\":7,\"file_content\":\"a,b\\n\"}}")
                .orElseThrow();
        assertEquals("a,b\n", upload.string("file_content").orElseThrow());
        var nullData = HeadsetFrames.decode("{\"action\":\"x\",\"data\":null}").orElseThrow();
        assertTrue(nullData.diagnosisId().isEmpty());
    }

    @Test
    void malformedFramesDecodeToNothing() {
        for (String bad : List.of("", "nope", "[1]", "{\"data\":{}}", "{\"action\":5}", "{\"action\":\"a\",\"data\":\"x\"}",
                "{\"action\":\"a\",\"data\":[1]}", "{\"action\":\"a\"")) {
            assertTrue(HeadsetFrames.decode(bad).isEmpty(), bad);
        }
        assertTrue(HeadsetFrames.decode("{\"action\":\"a\",\"data\":{\"diagnosis_id\":1.5}}").orElseThrow().diagnosisId().isEmpty());
        assertTrue(HeadsetFrames.decode("{\"action\":\"a\",\"data\":{\"diagnosis_id\":\"1\"}}").orElseThrow().diagnosisId().isEmpty());
    }

    @Test
    void diagnosisIdsOutsideTheIntegerRangeAreNoIds() {
        // 4294967296 + 695 wrapped round to 695 through intValue()
        for (String id : List.of("4294967991", "2147483648", "-695", "0", "1e400", "695.5", "9223372036854775807695")) {
            assertTrue(HeadsetFrames.decode("{\"action\":\"a\",\"data\":{\"diagnosis_id\":" + id + "}}")
                    .orElseThrow().diagnosisId().isEmpty(), id);
        }
        assertEquals(2147483647, HeadsetFrames.decode("{\"action\":\"a\",\"data\":{\"diagnosis_id\":2147483647}}")
                .orElseThrow().diagnosisId().orElseThrow());
    }

    @Test
    void userAgentRules() {
        List<String> allow = AppConfig.commaList(java.util.Optional.of("VRClient, UnityPlayer,, "));
        assertEquals(List.of("VRClient", "UnityPlayer"), allow);
        List<String> block = AppConfig.commaList(java.util.Optional.of("BadBot"));
        assertTrue(HeadsetHandshakeFilter.permitted("UnityPlayer/2022.3 VRClient", allow, block));
        assertFalse(HeadsetHandshakeFilter.permitted("vrclient", allow, block), "case-sensitive");
        assertFalse(HeadsetHandshakeFilter.permitted("VRClient BadBot", allow, block), "the block list wins");
        assertFalse(HeadsetHandshakeFilter.permitted(null, allow, List.of()), "a missing UA counts as empty");
        assertTrue(HeadsetHandshakeFilter.permitted(null, List.of(), List.of()), "no lists: everything passes");
        assertTrue(HeadsetHandshakeFilter.permitted("Mozilla/5.0", List.of(), block));
    }
}
