package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stalls and restarts under the running server: a stall fails requests fast with 503, a restart only
 * for a moment, nobody is logged out.
 */
class OutageIT extends ApiIT {

    private static final String DB_DOWN = "데이터베이스가 응답하지 않습니다. 잠시 후 다시 시도해 주세요.";

    /** Polls until the server answers {@code /auth/me} with 200 again (it heals by itself). */
    private void awaitHealed(Api.Session s) throws Exception {
        Poll.require(Duration.ofSeconds(60), "the server recovers", () -> api.get("auth/me", s.accessToken()).status(),
                status -> status == 200);
    }

    @Test
    void aStalledDatabaseIsA503WithinFiveSecondsAndTheServerHeals() throws Exception {
        Api.Session doctor = api.doctor();
        List<long[]> timings = new ArrayList<>();
        try (AutoCloseable stalled = TestDb.stallDatabase()) {
            for (String path : List.of("diagnosis/live", "patients")) {
                long t0 = System.nanoTime();
                Api.Reply r = api.get(path, doctor.accessToken());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                timings.add(new long[] {r.status(), ms});
                assertEquals(503, r.status(), path + ": " + r.body());
                assertTrue(r.detail().startsWith(DB_DOWN), r.body());
                assertTrue(ms < 6_000, path + " answered after " + ms + " ms");
            }
            long t0 = System.nanoTime();
            Api.Reply start = api.post("diagnosis/start", "{\"patient_id\":1,\"type\":\"BALANCEBALL\",\"level\":1}",
                    doctor.accessToken());
            assertEquals(503, start.status(), start.body());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 6_000);
        }
        awaitHealed(doctor);
    }

    private static long logLines(String needle) throws Exception {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("jboss.home"), "standalone", "log",
                "server.log")).stream().filter(l -> l.contains(needle)).count();
    }

    @Test
    void anUploadThatMeetsAStalledDatabaseIsKeptAndCompletesAfterwards() throws Exception {
        String csv = java.nio.file.Files.readString(kr.dat.devstack.LegacyDatabase.fixtures()
                .resolve("balanceball_level1_sample.csv"));
        LiveSession s = LiveSession.create(api);
        String retried = "meets a database outage; kept and tried again";
        try (Headset headset = s.connectHeadset()) {
            int id = s.startOk();
            headset.expect("s_start_diagnosis");
            long before = logLines(retried);
            try (AutoCloseable stalled = TestDb.stallDatabase()) {
                headset.send("c_upload_result", jakarta.json.Json.createObjectBuilder().add("diagnosis_id", id)
                        .add("file_content", csv).build());
                // the server tried, failed, and kept the upload
                Poll.require(Duration.ofSeconds(30), "the upload meets the outage", () -> logLines(retried), n -> n > before);
            }
            assertEquals("COMPLETED", TestDb.awaitState(id, Duration.ofSeconds(60), "COMPLETED", "FAILED"));
        }
    }

    @Test
    void headsetsThatComeAndGoDuringAStallLeaveNeitherZombiesNorGhosts() throws Exception {
        LiveSession leaving = LiveSession.create(api);
        LiveSession arriving = LiveSession.create(api);
        Headset goes = leaving.connectHeadset();
        try (AutoCloseable stalled = TestDb.stallDatabase()) {
            goes.close(); // its presence cannot be cleared while the database is stalled
            goes.awaitClose(Duration.ofSeconds(10));
            Headset comes = null;
            try {
                comes = arriving.connectHeadset();
                // not a zombie: a socket the server could not register does not stay open
                comes.awaitClose(Duration.ofSeconds(15));
            } catch (CompletionException handshakeRefused) {
                // or the handshake itself failed: the headset simply connects again later
            } finally {
                if (comes != null) {
                    comes.close();
                }
            }
        }
        awaitHealed(leaving.doctor());
        // the leaver's presence row is swept (no s_start_diagnosis into the void) ...
        Api.Reply start = Poll.require(Duration.ofSeconds(60), "the ghost presence is swept", () -> {
            Api.Reply r = leaving.start("BALANCEBALL", 1);
            if (r.status() == 201) { // started on a ghost: cancel and look again
                leaving.cancel(r.json().getInt("id"));
            }
            return r;
        }, r -> r.status() != 201);
        assertEquals("환자가 로그인 상태가 아닙니다.", start.detail());
        // ... and the arriving headset connects normally once the database is back
        try (Headset again = arriving.connectHeadset()) {
            Api.Reply started = arriving.start("BALANCEBALL", 1);
            assertEquals(201, started.status(), started.body());
            again.expect("s_start_diagnosis");
        }
    }

    @Test
    void aHeadsetHandshakeThatMeetsAStalledDatabaseIsA503WithRetryAfter() throws Exception {
        LiveSession s = LiveSession.create(api);
        WebSocketHandshakeException refused;
        try (AutoCloseable stalled = TestDb.stallDatabase()) {
            CompletionException e = assertThrows(CompletionException.class, s::connectHeadset);
            refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        }
        // an outage, not a bug: the headset is told to come back, as the API tells its clients
        assertEquals(503, refused.getResponse().statusCode());
        assertEquals(Optional.of("5"), refused.getResponse().headers().firstValue("Retry-After"));
        try (Headset again = Poll.require(Duration.ofSeconds(60), "the headset connects once the database is back", () -> {
            try {
                return s.connectHeadset();
            } catch (CompletionException stillDown) {
                return null;
            }
        }, h -> h != null)) {
            assertEquals(201, s.start("BALANCEBALL", 1).status());
            again.expect("s_start_diagnosis");
        }
    }

    @Test
    void aDatabaseRestartLogsNobodyOut() throws Exception {
        List<Api.Session> doctors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            doctors.add(api.doctor());
        }
        // what a restart does to the server's pool: every connection it holds is cut
        TestDb.count("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                + "AND backend_type = 'client backend' AND datname = current_database()");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            concurrentlyOk(doctors, pool); // the first requests may meet the cut connections: 503, never 401
            // the cut connections are swept from the pool within seconds (every 2 s), not handed out for long
            Poll.require(Duration.ofSeconds(6), "12 concurrent requests all succeed again soon after the restart",
                    () -> concurrentlyOk(doctors, pool), ok -> ok == doctors.size());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One {@code /auth/me} per doctor at once: how many got 200 (each got 200 or 503; a valid token is never a 401). */
    private long concurrentlyOk(List<Api.Session> doctors, ExecutorService pool) throws Exception {
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (Api.Session d : doctors) {
            Callable<Api.Reply> me = () -> api.get("auth/me", d.accessToken());
            replies.add(pool.submit(me));
        }
        long ok = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            assertTrue(r.status() == 200 || r.status() == 503, "a valid token is never a 401: " + r.status() + " " + r.body());
            ok += r.status() == 200 ? 1 : 0;
        }
        return ok;
    }
}
