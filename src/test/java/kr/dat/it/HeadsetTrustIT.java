package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.dat.devstack.LegacyDatabase;
import org.junit.jupiter.api.Test;

/**
 * The attacks of a ward-network client who guessed a patient code, replayed against the server in
 * its default mode (HEADSET_PAIRING=optional; arquillian.xml pings headsets every 2 s), and the
 * legitimate behaviours that must survive them: an old-protocol headset runs a whole session, a
 * headset whose Wi-Fi dropped reconnects and finishes, reconnects and starts never race.
 */
class HeadsetTrustIT extends ApiIT {

    /** {@code -Ddat.it.repeat=30} runs the reconnect tests 30 times (the race tests always run 30 trials). */
    private static final int REPEAT = Integer.getInteger("dat.it.repeat", 1);
    private static final AtomicInteger ADDRESS = new AtomicInteger((int) (System.nanoTime() % 200));

    private URI base() {
        return api.base();
    }

    /** A fresh client address behind the (trusted, in tests) proxy, so throttles do not mix. */
    private static String freshAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10.92." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private static String csv() throws Exception {
        return Files.readString(LegacyDatabase.fixtures().resolve("balanceball_level1_sample.csv"), StandardCharsets.UTF_8);
    }

    private static JsonObject upload(int id, String csv) {
        return Json.createObjectBuilder().add("diagnosis_id", id).add("file_content", csv).build();
    }

    private static int closeCodeOf(Headset h) {
        return h.awaitClose(Duration.ofSeconds(10));
    }

    /** A socket the server accepted: open, and not closed within 300 ms. */
    private record Attempts(Headset accepted, int refused) {
    }

    /** Reconnects, as a headset does, until the server keeps the socket open or the time is up. */
    private Attempts reconnectUntilAccepted(java.util.function.Supplier<Headset> connect, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int refused = 0;
        while (System.nanoTime() < deadline) {
            Headset attempt = connect.get();
            JsonObject first = attempt.poll(Duration.ofMillis(300));
            if (first == null && attempt.isOpen()) {
                return new Attempts(attempt, refused);
            }
            assertEquals(4009, closeCodeOf(attempt), "a refused reconnect is told the session's headset is connected");
            refused++;
        }
        throw new AssertionError("not accepted within " + within + " (" + refused + " refusals)");
    }

    @Test
    void anOldProtocolHeadsetStillRunsAWholeSession() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset headset = s.connectHeadset()) {
            assertEquals("", headset.subprotocol());
            int id = s.startOk();
            assertEquals(id, headset.expect("s_start_diagnosis").getJsonObject("data").getInt("diagnosis_id"));
            headset.diagnosisEvent("c_diagnosis_started", id);
            headset.send("c_upload_result", upload(id, csv()));
            assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
            assertNull(headset.poll(Duration.ofMillis(300)), "an old headset is sent nothing new");
        }
    }

    @Test
    void codeEnumerationIsThrottledPerAddress() throws Exception {
        String scanner = freshAddress();
        LiveSession s = LiveSession.create(api);
        for (int i = 0; i < 20; i++) {
            try (RawSocket probe = RawSocket.webSocket(base(), "988-" + (100 + i), scanner)) {
                assertEquals(4004, probe.awaitClose(10), "probe " + i);
            }
        }
        try (RawSocket locked = RawSocket.webSocket(base(), s.patientCode(), scanner)) {
            assertEquals(4029, locked.awaitClose(10), "after 20 unknown codes even a real code is refused");
        }
        try (RawSocket other = RawSocket.webSocket(base(), s.patientCode(), freshAddress())) {
            other.sendText("{\"action\":\"noop\",\"data\":null}");
            assertFalse(other.closedByServerWithin(500), "another address is not locked");
        }
    }

    @Test
    void aLiveHeadsetIsNotDisplacedAndASprayFromElsewhereChangesNothing() throws Exception {
        LiveSession s = LiveSession.create(api);
        LiveSession attackerOwn = LiveSession.create(api);
        try (Headset headset = s.connectHeadset(); Headset attacker = attackerOwn.connectHeadset()) {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            headset.diagnosisEvent("c_diagnosis_started", id);
            assertEquals("STARTED", TestDb.awaitState(id, Duration.ofSeconds(10), "STARTED"));

            Headset hijack = Headset.connect(base(), s.patientCode(), Map.of("X-Forwarded-For", freshAddress()), List.of(), "");
            assertEquals(4009, closeCodeOf(hijack), "a second socket during a live session is refused");
            assertTrue(headset.isOpen(), "the real headset stays connected");

            // a socket on another patient's code sprays the live session's id and its neighbours
            for (int guess = id - 30; guess <= id + 30; guess++) {
                attacker.send("c_upload_result", upload(guess, "Score\n9999\n"));
                attacker.diagnosisEvent("c_diagnosis_failed", guess);
            }
            headset.send("c_upload_result", upload(id, csv()));
            assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
            Api.Reply meta = api.get("diagnosis/record/" + id + "/metadata", s.doctor().accessToken());
            assertEquals(200, meta.status(), meta.body());
            assertTrue(meta.json().getJsonNumber("score").doubleValue() < 9999, "the record holds the real score");
        }
    }

    @Test
    void aHeadsetWhoseWifiDroppedReconnectsAndFinishes() throws Exception {
        for (int i = 0; i < REPEAT; i++) {
            wifiDropThenReconnect();
        }
    }

    private void wifiDropThenReconnect() throws Exception {
        LiveSession s = LiveSession.create(api);
        int id;
        try (RawSocket silent = RawSocket.webSocket(base(), s.patientCode())) { // never answers pings
            id = s.startOk();
            assertTrue(silent.texts().poll(10, TimeUnit.SECONDS).contains("s_start_diagnosis"));
            silent.sendText("{\"action\":\"c_diagnosis_started\",\"data\":{\"diagnosis_id\":" + id + "}}");
            assertEquals("STARTED", TestDb.awaitState(id, Duration.ofSeconds(10), "STARTED"));
            // the Wi-Fi is gone: the old socket stays open on the server but answers no pings.
            // The headset reconnects until the server lets it take over (2.5 ping intervals).
            Attempts attempts = reconnectUntilAccepted(s::connectHeadset, Duration.ofSeconds(30));
            assertTrue(attempts.refused() >= 1, "while the old socket may still be alive, it is not displaced");
            try (Headset back = attempts.accepted()) {
                back.send("c_upload_result", upload(id, csv()));
                assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
            }
        }
    }

    @Test
    void aCleanlyClosedHeadsetIsTakenOverAtOnce() throws Exception {
        for (int i = 0; i < REPEAT; i++) {
            cleanCloseThenReconnect();
        }
    }

    private void cleanCloseThenReconnect() throws Exception {
        LiveSession s = LiveSession.create(api);
        Headset first = s.connectHeadset();
        int id = s.startOk();
        first.expect("s_start_diagnosis");
        first.close();
        first.awaitClose(Duration.ofSeconds(10));
        Attempts attempts = reconnectUntilAccepted(s::connectHeadset, Duration.ofSeconds(3));
        try (Headset h = attempts.accepted()) {
            h.diagnosisEvent("c_diagnosis_started", id);
            assertEquals("STARTED", TestDb.awaitState(id, Duration.ofSeconds(10), "STARTED"));
        }
    }

    @Test
    void aTcpDropRightAfterTheHandshakeNeverCostsTheNewerSocket() throws Exception {
        LiveSession s = LiveSession.create(api);
        for (int trial = 0; trial < 30; trial++) {
            RawSocket dropped = RawSocket.webSocket(base(), s.patientCode());
            dropped.close(); // TCP gone right after the 101
            try (Headset newer = s.connectHeadset()) {
                int id = s.startOk();
                JsonObject frame = newer.next(Duration.ofSeconds(10));
                assertEquals("s_start_diagnosis", frame.getString("action"), "trial " + trial + ": " + frame);
                assertTrue(newer.isOpen(), "trial " + trial);
                assertEquals(200, s.cancel(id).status(), "trial " + trial);
                newer.expect("s_stop_diagnosis");
            }
        }
    }

    @Test
    void aStartRightAfterTheOpenSeesTheHeadset() {
        for (int trial = 0; trial < 30; trial++) {
            LiveSession s = LiveSession.create(api);
            try (Headset headset = s.connectHeadset()) {
                Api.Reply r = s.start("BALANCEBALL", 1);
                assertEquals(201, r.status(), "trial " + trial + ": " + r.body());
                headset.expect("s_start_diagnosis");
            }
        }
    }

    @Test
    void aPairedPatientAcceptsOnlyItsTokenInAnyOfTheThreeForms() throws Exception {
        LiveSession s = LiveSession.create(api);
        String path = "patients/" + s.patientId() + "/headset-token";
        Api.Reply other = api.post(path, null, api.doctor().accessToken());
        assertEquals(404, other.status(), "another doctor cannot pair my patient");
        Api.Reply issued = api.post(path, null, s.doctor().accessToken());
        assertEquals(201, issued.status(), issued.body());
        String token = issued.json().getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe: " + token);
        assertTrue(issued.json().getString("created_at").endsWith("+09:00"));

        assertEquals(4001, closeCodeOf(Headset.connect(base(), s.patientCode(), Map.of("X-Forwarded-For", freshAddress()),
                List.of(), "")), "no token");
        assertEquals(4001, closeCodeOf(Headset.connect(base(), s.patientCode(), Map.of("X-Forwarded-For", freshAddress()),
                List.of(), "?token=" + "A".repeat(43))), "a wrong token");

        try (Headset bearer = Headset.connect(base(), s.patientCode(), Map.of("Authorization", "Bearer " + token), List.of(), "")) {
            int id = s.startOk();
            bearer.expect("s_start_diagnosis");
            s.cancel(id);
            bearer.expect("s_stop_diagnosis");
        }
        try (Headset query = Headset.connect(base(), s.patientCode(), Map.of(), List.of(), "?token=" + token)) {
            assertTrue(query.isOpen());
            assertEquals(201, s.start("FITBOX", 1).status());
            query.expect("s_start_diagnosis");
        }
        try (Headset sub = Headset.connect(base(), s.patientCode(), Map.of(), List.of("dat.token." + token), "")) {
            assertEquals("dat.token." + token, sub.subprotocol(), "the token subprotocol is echoed");
            assertTrue(sub.isOpen());
        }
        assertEquals(204, api.delete(path, s.doctor().accessToken()).status());
        try (Headset unpaired = s.connectHeadset()) {
            assertNull(unpaired.poll(Duration.ofMillis(300)));
            assertTrue(unpaired.isOpen(), "after revoking, the patient is unpaired again");
        }
    }

    @Test
    void aPairedHeadsetTakesItsLiveSessionBackAtOnce() throws Exception {
        LiveSession s = LiveSession.create(api);
        String token = api.post("patients/" + s.patientId() + "/headset-token", null, s.doctor().accessToken())
                .json().getString("token");
        try (RawSocket silent = RawSocket.webSocket(base(), s.patientCode() + "?token=" + token)) {
            int id = s.startOk();
            assertTrue(silent.texts().poll(10, TimeUnit.SECONDS).contains("s_start_diagnosis"));
            try (Headset back = Headset.connect(base(), s.patientCode(), Map.of(), List.of(), "?token=" + token)) {
                assertTrue(back.isOpen(), "with its token, the headset does not wait for the old socket to lapse");
                back.send("c_upload_result", upload(id, csv()));
                assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
            }
        }
    }

    @Test
    void aHeadsetThatAsksIsToldWhenItsUploadIsSafe() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (Headset v2 = Headset.connect(base(), s.patientCode(), Map.of(), List.of("dat.v2"), "")) {
            assertEquals("dat.v2", v2.subprotocol());
            int id = s.startOk();
            v2.expect("s_start_diagnosis");
            v2.send("c_upload_result", upload(id, csv()));
            JsonObject ack = v2.expect("s_upload_received").getJsonObject("data");
            assertEquals(id, ack.getInt("diagnosis_id"));
            assertEquals("stored", ack.getString("status"));
            assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(20), "COMPLETED", "FAILED"));
            v2.send("c_upload_result", upload(id, csv())); // resent, as a headset does until acknowledged
            assertEquals("duplicate", v2.expect("s_upload_received").getJsonObject("data").getString("status"));
            assertEquals(1, TestDb.count("SELECT 1 FROM diagnosis_results WHERE diagnosis_id = ?", id), "repeats stay harmless");
        }
        LiveSession q = LiveSession.create(api);
        try (Headset ack = Headset.connect(base(), q.patientCode(), Map.of(), List.of(), "?ack=1")) {
            int id = q.startOk();
            ack.expect("s_start_diagnosis");
            ack.send("c_upload_result", upload(id + 100000, "x"));
            assertEquals("refused", ack.expect("s_upload_received").getJsonObject("data").getString("status"));
        }
    }
}
