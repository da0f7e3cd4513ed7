package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A node taken for dead recovers (the lost LISTEN connection needs two nodes: TwoNodeIT). */
class ResilienceIT extends ApiIT {

    @Test
    void aNodeTakenForDeadClaimsItsHeadsetsAgain() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            int first = s.startOk();
            headset.expect("s_start_diagnosis");
            assertEquals(200, s.cancel(first).status());
            headset.expect("s_stop_diagnosis");

            TestDb.update("DELETE FROM cluster_nodes"); // what the other nodes do to a node whose heartbeat lapsed
            Api.Reply offline = s.start("BALANCEBALL", 1);
            assertEquals(400, offline.status(), "the headset's presence went with the node row");
            // the next heartbeat (≤ 5 s) puts the node and its headsets back
            int second = s.startOnceConnected(java.time.Duration.ofSeconds(10));
            assertEquals(second, headset.expect("s_start_diagnosis").getJsonObject("data").getInt("diagnosis_id"));
            assertTrue(headset.isOpen());
        }
    }
}
