package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.dat.devstack.DevStackSessionListener;
import kr.dat.devstack.WildFlyProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two WildFly nodes on one PostgreSQL, as behind a load balancer: node 1 is Arquillian's, node 2
 * a second server started here, in another JVM time zone. The headset talks to one node, the
 * doctor to the other. Node 2 also runs with HEADSET_PAIRING=required and the opt-in refresh-token
 * reuse detection (no grace), so those settings are tested on a real server without booting a third.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WildFlyProcess node2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL url;

    Api node1Api;
    Api node2Api;

    @BeforeAll
    static void startSecondNode() throws Exception {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        Path base = Files.createTempDirectory("dat-node2-");
        List<String> props = new ArrayList<>(DevStackSessionListener.stack().serverProperties());
        props.add("-DENV=dev");
        props.add("-Duser.timezone=America/New_York"); // node 1 runs in Asia/Seoul: neither zone may leak into data
        props.add("-DHEADSET_PING_SECONDS=2");
        props.add("-DHEADSET_PAIRING=required");
        props.add("-DWS_CONNECTS_MAX_PER_IP=100000");
        props.add("-DREFRESH_TOKEN_REUSE_DETECTION=true");
        props.add("-DREFRESH_TOKEN_REUSE_GRACE_SECONDS=0");
        node2 = WildFlyProcess.start(jbossHome, base, 100, Path.of(System.getProperty("dat.war")), props, false);
        node2.awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    @BeforeEach
    void clients() throws Exception {
        node1Api = new Api(url);
        node2Api = new Api(node2.apiBase().toURL());
    }

    @Test
    void aNodeInNewYorkTimeWritesAndShowsTheSameInstantsAsOneInSeoulTime() throws Exception {
        Api.Session doctor = node2Api.doctor();
        Api.Reply p = node2Api.post("patients", "{\"name\":\"뉴욕\"}", doctor.accessToken());
        assertEquals(201, p.status(), p.body());
        int id = p.json().getInt("id");
        TestDb.assertCreatedInNaiveUtc("patients", id, p.json().getString("created_at"));
        JsonObject seenFromSeoul = node1Api.get("patients", doctor.accessToken()).array().getJsonObject(0);
        assertEquals(p.json().getString("created_at"), seenFromSeoul.getString("created_at"));
    }

    @Test
    void withReuseDetectionOnAnAlreadyUsedRefreshTokenRevokesTheWholeLogin() {
        Api.Session s = node2Api.doctor();
        String body = "{\"refresh_token\":\"" + s.refreshToken() + "\"}";
        Api.Reply first = node2Api.post("auth/refresh", body, null);
        assertEquals(200, first.status(), first.body());
        String successor = first.json().getString("refresh_token");
        String access = first.json().getString("access_token");
        Api.Reply reuse = node2Api.post("auth/refresh", body, null);
        assertEquals(401, reuse.status(), "the used token comes back: someone copied it");
        assertEquals("유효하지 않은 Refresh Token입니다", reuse.detail());
        assertEquals(401, node2Api.post("auth/refresh", "{\"refresh_token\":\"" + successor + "\"}", null).status(),
                "its successor is revoked too");
        assertEquals(401, node2Api.get("auth/me", access).status(), "and so are the login's access tokens");
    }

    private String pair(LiveSession s) {
        Api.Reply r = node1Api.post("patients/" + s.patientId() + "/headset-token", null, s.doctor().accessToken());
        assertEquals(201, r.status(), r.body());
        return r.json().getString("token");
    }

    private static Headset withToken(Api api, String code, String token) {
        return Headset.connect(api.base(), code, java.util.Map.of("Authorization", "Bearer " + token), java.util.List.of(), "");
    }

    @Test
    void whereTokensAreRequiredATokenlessHeadsetCannotConnectAtAll() {
        LiveSession s = LiveSession.create(node1Api); // not paired
        Headset tokenless = Headset.connect(node2Api.base(), s.patientCode());
        assertEquals(4001, tokenless.awaitClose(WAIT), "node 2 requires a token of every headset");
        Headset forged = Headset.connect(node2Api.base(), s.patientCode(), java.util.Map.of(), java.util.List.of(),
                "?token=" + "x".repeat(43));
        assertEquals(4001, forged.awaitClose(WAIT));
        try (Headset onNode1 = s.connectHeadset()) { // node 1: optional, the patient is unpaired
            assertEquals(201, s.start("BALANCEBALL", 1).status());
            onNode1.expect("s_start_diagnosis");
        }
    }

    @Test
    void headsetOnNodeTwoDoctorOnNodeOne() {
        LiveSession s = LiveSession.create(node1Api);
        LiveSession onNode2 = new LiveSession(node2Api, s.doctor(), s.patientId(), s.patientCode());
        try (Headset headset = withToken(node2Api, s.patientCode(), pair(s))) {
            int id = s.startOk(); // node 1 sees the presence registered by node 2
            JsonObject cmd = headset.expect("s_start_diagnosis").getJsonObject("data");
            assertEquals(id, cmd.getInt("diagnosis_id"));
            try (StatusWatcher sse1 = s.watch(id); StatusWatcher sse2 = onNode2.watch(id)) {
                sse1.expect("READY");
                sse2.expect("READY");
                headset.diagnosisEvent("c_diagnosis_started", id); // handled on node 2
                sse1.expect("STARTED");
                sse2.expect("STARTED");
                assertEquals(200, s.cancel(id).status()); // on node 1
                headset.expect("s_stop_diagnosis");
                sse1.expect("CANCELLED");
                sse2.expect("CANCELLED");
                sse1.awaitEnd(WAIT);
            }
        }
    }

    /**
     * Node 1 loses its LISTEN connection while node 2 reports a change: the NOTIFY finds nobody
     * listening on node 1 (every listening backend is terminated again and again until the change
     * is committed and a second has passed), so only node 1's re-LISTEN and catch-up can bring
     * STARTED to its stream; the cancel after it proves the re-LISTEN itself.
     */
    @Test
    void aNodeThatLostItsListeningConnectionCatchesUpWhatItMissed() throws Exception {
        LiveSession s = LiveSession.create(node1Api);
        LiveSession onNode2 = new LiveSession(node2Api, s.doctor(), s.patientId(), s.patientCode());
        try (Headset headset = withToken(node2Api, s.patientCode(), pair(s))) {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            try (StatusWatcher sse = s.watch(id)) { // the doctor on node 1
                sse.expect("READY");
                try (ListenerKiller killer = new ListenerKiller()) {
                    killer.awaitFirstKill();
                    headset.diagnosisEvent("c_diagnosis_started", id); // handled and committed on node 2
                    assertEquals("STARTED", TestDb.awaitState(id, WAIT, "STARTED"));
                    killer.keepKillingFor(Duration.ofSeconds(1));
                }
                sse.expect("STARTED");
                assertEquals(200, onNode2.cancel(id).status()); // on node 2 again: node 1 hears it by NOTIFY
                sse.expect("CANCELLED");
            }
        }
    }

    /** Terminates every backend that LISTENs to the bus, every 10 ms, until closed. */
    private static final class ListenerKiller implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch firstKill = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "listener-killer");

        ListenerKiller() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running) {
                try {
                    if (TestDb.count("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN dat_events'") > 0) {
                        firstKill.countDown();
                    }
                    Thread.sleep(10);
                } catch (Exception e) {
                    return;
                }
            }
        }

        void awaitFirstKill() throws InterruptedException {
            if (!firstKill.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("no listening connection found");
            }
        }

        void keepKillingFor(Duration d) throws InterruptedException {
            thread.join(d.toMillis()); // the thread runs until closed: this only waits
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }

    @Test
    void aPairedHeadsetOnTheOtherNodeTakesTheLiveSessionOver() {
        LiveSession s = LiveSession.create(node1Api);
        String token = pair(s);
        try (Headset old = withToken(node1Api, s.patientCode(), token)) {
            int id = s.startOk();
            old.expect("s_start_diagnosis");
            try (Headset newer = withToken(node2Api, s.patientCode(), token)) {
                old.expect("s_force_disconnect");
                assertEquals(1000, old.awaitClose(WAIT));
                newer.diagnosisEvent("c_diagnosis_started", id); // the session is the newer socket's now
                assertEquals("STARTED", awaitState(id));
                assertEquals(200, s.cancel(id).status());
                newer.expect("s_stop_diagnosis");
            }
        }
    }

    private static String awaitState(int id) {
        try {
            return TestDb.awaitState(id, WAIT, "STARTED");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
