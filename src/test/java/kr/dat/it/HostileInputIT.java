package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.dat.result.SyntheticResults;
import org.junit.jupiter.api.Test;

/**
 * What an attacker on the ward network sends: frames of hundreds of MB, slow handshakes, cookie
 * floods, NULs, absurd dates, deeply nested JSON. Nothing may crash, hang or 500 the server (-Xmx1g
 * in arquillian.xml), and it keeps scoring real uploads meanwhile.
 */
class HostileInputIT extends ApiIT {

    private static final long MB = 1024 * 1024;

    private URI base() {
        return api.base();
    }

    @Test
    void hugeFramesAreRefusedWhileTwentyTenMegabyteUploadsAreAllScored() throws Exception {
        String csv = SyntheticResults.balanceBall((int) (9.5 * MB));
        List<LiveSession> sessions = new ArrayList<>();
        List<Headset> headsets = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LiveSession s = LiveSession.create(api);
            Headset h = s.connectHeadset();
            int id = s.startOk();
            h.expect("s_start_diagnosis");
            h.diagnosisEvent("c_diagnosis_started", id);
            sessions.add(s);
            headsets.add(h);
            ids.add(id);
        }
        List<String> targets = List.of(LiveSession.create(api).patientCode(), LiveSession.create(api).patientCode(),
                LiveSession.create(api).patientCode()); // one each: a second socket for a code would displace the first
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<long[]>> attacks = new ArrayList<>();
            for (String target : targets) {
                attacks.add(pool.submit(() -> {
                    try (RawSocket raw = RawSocket.webSocket(base(), target)) {
                        long sent = raw.streamTextFrame(300 * MB);
                        return new long[] {raw.awaitClose(60), sent};
                    }
                }));
            }
            for (int i = 0; i < 20; i++) {
                headsets.get(i).send("c_upload_result", Json.createObjectBuilder().add("diagnosis_id", ids.get(i))
                        .add("file_content", csv).build());
            }
            for (Future<long[]> attack : attacks) {
                long[] r = attack.get();
                assertEquals(1009, r[0], "a 300 MB frame is closed as too big");
                assertTrue(r[1] < 100 * MB, "refused long before its end: " + (r[1] / MB) + " MiB were sent");
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 20; i++) {
            String state = TestDb.awaitState(ids.get(i), Duration.ofSeconds(120), "COMPLETED", "FAILED");
            assertEquals("COMPLETED", state, "upload " + i + " of diagnosis " + ids.get(i));
        }
        headsets.forEach(Headset::close);
        assertEquals(200, api.get("", null).status(), "the server keeps serving");
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError in the server log");
    }

    @Test
    void aSocketForAnUnknownCodeIsClosed4004WithoutItsFramesBeingRead() throws Exception {
        try (RawSocket raw = RawSocket.webSocket(base(), "999-" + System.nanoTime() % 1000)) {
            long sent = raw.streamTextFrame(300 * MB);
            assertEquals(4004, raw.awaitClose(30));
            assertTrue(sent < 100 * MB, (sent / MB) + " MiB were sent");
        }
    }

    @Test
    void aBinaryFloodIsClosed1009() throws Exception {
        LiveSession s = LiveSession.create(api);
        try (RawSocket raw = RawSocket.webSocket(base(), s.patientCode())) {
            long sent = raw.streamBinaryFrame(200 * MB);
            assertEquals(1009, raw.awaitClose(30));
            assertTrue(sent < 100 * MB, (sent / MB) + " MiB were sent");
        }
    }

    @Test
    void slowAndSilentHandshakesAreCutWithinThirtySeconds() throws Exception {
        List<RawSocket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                RawSocket raw = RawSocket.open(base());
                if (i % 2 == 0) {
                    raw.write("GET " + base().getPath() + "ws/diagnosis/001-001 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n");
                } // the odd ones send nothing at all
                slow.add(raw);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(35).toNanos();
            for (RawSocket raw : slow) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                assertTrue(raw.closedByServerWithin(left), "a half-open handshake is still held after 35 s");
            }
            assertEquals(200, api.get("", null).status());
        } finally {
            slow.forEach(RawSocket::close);
        }
    }

    @Test
    void oversizedHeadersAndCookieFloodsGet431WithJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            big.append(i == 0 ? "" : "; ").append("c").append(i).append('=').append("x".repeat(1000));
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            many.append(i == 0 ? "" : "; ").append("c").append(i).append("=1");
        }
        for (String cookie : List.of(big.toString(), many.toString())) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base().resolve("patients"))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
            assertEquals("요청 헤더가 너무 큽니다.", Json.createReader(new java.io.StringReader(r.body())).readObject()
                    .getString("detail"));
            assertFalse(r.body().contains("Exception") || r.body().contains("Undertow") || r.body().contains("WildFly"));
        }
        HttpResponse<String> ordinary = http.send(HttpRequest.newBuilder(base().resolve(""))
                .header("Cookie", "a=1; b=2").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ordinary.statusCode(), "ordinary cookies are fine");
    }

    @Test
    void deeplyNestedJsonIs422WithOrWithoutAToken() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepObject = "{\"name\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}";
        Api.Session doctor = api.doctor();
        for (String token : new String[] {null, "not.a.token", doctor.accessToken()}) {
            for (String body : List.of(deep, deepObject)) {
                Api.Reply r = api.post("patients", body, token);
                assertEquals(422, r.status(), "token " + token + ": " + r.body());
                assertTrue(r.body().startsWith("{\"detail\":"), r.body());
            }
        }
    }

    @Test
    void nulInAPatientNameIs422() {
        Api.Session doctor = api.doctor();
        Api.Reply created = api.post("patients", "{\"name\":\"환\\u0000자\"}", doctor.accessToken());
        assertEquals(422, created.status(), created.body());
        Api.Reply ok = api.post("patients", "{\"name\":\"환자\"}", doctor.accessToken());
        assertEquals(201, ok.status());
        Api.Reply updated = api.put("patients/" + ok.json().getInt("id"), "{\"name\":\"\\u0000\"}", doctor.accessToken());
        assertEquals(422, updated.status(), updated.body());
    }

    @Test
    void recordQueriesWithDatesNoDatabaseHoldsAre422() {
        Api.Session doctor = api.doctor();
        for (String date : List.of("+999999999-12-31T23:59:59", "-999999999-01-01T00:00:00", "+5874898-01-01T00:00:00",
                "+999999999-12-31T23:59:59-18:00")) {
            Api.Reply r = api.get("diagnosis/record/list?patient_id=1&start_date="
                    + URLEncoder.encode(date, StandardCharsets.UTF_8) + "&end_date=2030-01-01", doctor.accessToken());
            assertEquals(422, r.status(), date + ": " + r.body());
            assertEquals("start_date", r.json().getJsonArray("detail").getJsonObject(0).getJsonArray("loc").getString(1));
        }
    }
}
