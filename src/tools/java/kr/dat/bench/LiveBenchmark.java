package kr.dat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.dat.devstack.DevStack;
import kr.dat.devstack.WildFlyProcess;
import kr.dat.result.SyntheticResults;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

/**
 * Live-session benchmark on this machine: two WildFly nodes on one embedded PostgreSQL, N doctors
 * each watching one session over SSE while N headsets are connected; latency from a headset's
 * {@code c_diagnosis_started} to the doctor's SSE event, on one node and across nodes; idle
 * sockets per node and the heap they take; a 10 MB upload to COMPLETED, and its durable claim alone.
 * Run: {@code mvn -Pbench-live package} (see docs/benchmarks.md). Traffic stays on loopback.
 */
public final class LiveBenchmark {

    private static final String SECRET = "benchmark-secret-key-0123456789-abcdefghijklmnop";
    /**
     * HTTP/1.1, as browsers talk to a plain-http server (they never upgrade to h2c). {@code -Dbench.http=2}
     * lets the JDK client upgrade to h2c and multiplex the streams over few connections instead.
     */
    static {
        // the servers close an idle keep-alive connection after 20 s (no-request-timeout); the JDK client
        // would keep it for 30 s and sometimes send a POST on it just as it closes ("received no bytes")
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    }

    static final HttpClient.Version VERSION = "2".equals(System.getProperty("bench.http"))
            ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(VERSION)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern STATE = Pattern.compile("\"state\": \"([A-Z]+)\"");
    /** Headset reports are sent 200 per second: a latency test, not a saturation test. */
    private static final long PACE_NANOS = 5_000_000L;
    /** At most this many warm-up rounds per topology (see {@link #warmUp}). */
    private static final int WARM_UP_ROUNDS = 10;
    /** The embedded PostgreSQL, for its statistics. */
    private static javax.sql.DataSource database;
    /** Where both nodes log their safepoints (VM pauses: collections and the rest), one file per pid. */
    private static Path safepointLogs;
    /** The JDK's jcmd, for the nodes' collections and heap figures. */
    private static final String JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    /** A line of such a log: when it ended (ms since the epoch), the operation, and how long the pause was in all. */
    private static final Pattern SAFEPOINT = Pattern.compile("^\\[(\\d+)ms\\] Safepoint \"(\\w+)\".*Total: (\\d+) ns");

    private LiveBenchmark() {
    }

    record Account(int userId, int patientId, String code, String token) {
    }

    public static void main(String[] args) throws Exception {
        int idle = Integer.getInteger("bench.idle", 10_000);
        Path project = Path.of(System.getProperty("dat.project", ".")).toAbsolutePath();
        Path work = Files.createTempDirectory("dat-bench-");
        System.out.printf(Locale.ROOT, "machine: %d cores, %d GiB; JDK %s%n", Runtime.getRuntime().availableProcessors(),
                (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() + (1L << 29)) >> 30, System.getProperty("java.version"));
        // the bucket over HTTPS (self-signed, trusted by the nodes), as AWS S3 is reached and as results
        // should travel on a ward's network; -Dbench.s3=http for plain HTTP
        boolean tls = !"http".equals(System.getProperty("bench.s3", "https"));
        try (DevStack stack = DevStack.startDurable(work.resolve("stack"), tls)) {
            System.out.println("bucket: " + stack.s3Endpoint());
            database = stack.dataSource();
            try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
                st.execute("ALTER SYSTEM SET track_wal_io_timing = on"); // for walSyncs(): time spent in WAL fsyncs
                st.execute("SELECT pg_reload_conf()");
            }
            try (Connection c = database.getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('synchronous_commit'), current_setting('fsync')")) {
                rs.next();
                System.out.printf(Locale.ROOT, "PostgreSQL: synchronous_commit %s, fsync %s%n", rs.getString(1), rs.getString(2));
            }
            List<String> props = new ArrayList<>(stack.serverProperties());
            // every socket of the load generator comes from 127.0.0.1: the per-address churn limit would stop it at 120/min
            props.addAll(List.of("-DENV=dev", "-DSECRET_KEY=" + SECRET, "-Dapp.db.pool.max=60", "-DWS_CONNECTS_MAX_PER_IP=1000000"));
            // every VM pause with its end on the wall clock, so that each round can say which fell into it
            safepointLogs = Files.createDirectories(work.resolve("safepoints"));
            props.add("-Xlog:safepoint=info:file=" + safepointLogs.resolve("%p.log") + ":timemillis:filecount=0");
            String jvm = System.getProperty("bench.jvm", ""); // extra JVM options for both nodes, e.g. "-XX:+UseZGC"
            if (!jvm.isBlank()) {
                props.addAll(List.of(jvm.strip().split("\\s+")));
                System.out.println("server JVM options added: " + jvm.strip());
            }
            Path jboss = project.resolve("target/server");
            Path war = project.resolve("target/api.war");
            List<String> node1Props = new ArrayList<>(props);
            String jfr = System.getProperty("bench.jfr"); // a file: node 1 records a JFR profile of the whole run into it
            if (jfr != null) {
                // WildFly's request stacks are deeper than JFR's default 64 frames: without more, the
                // application's own frames are cut off most samples
                node1Props.add("-XX:FlightRecorderOptions=stackdepth=1024");
                node1Props.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
            }
            try (WildFlyProcess node1 = WildFlyProcess.start(jboss, work.resolve("node1"), 200, war, node1Props, false);
                 WildFlyProcess node2 = WildFlyProcess.start(jboss, work.resolve("node2"), 300, war, props, false)) {
                node1.awaitReady(Duration.ofMinutes(3));
                node2.awaitReady(Duration.ofMinutes(3));
                String pinning = System.getProperty("bench.pin", "false");
                if (!pinning.equals("false")) {
                    pin(work.resolve("stack").toString(), node1.pid(), pinning.equals("node1"));
                }
                Set<String> scenarios = Set.of(System.getProperty("bench.scenarios", "latency,reads,upload,claim,idle").split(","));
                if (scenarios.contains("latency")) {
                    List<Account> accounts = seed(stack, 1000, "S");
                    warmUp("warm-up, one node", accounts, node1.apiBase(), node1.apiBase(), node1.pid(), node2.pid());
                    warmUp("warm-up, two nodes", accounts, node2.apiBase(), node1.apiBase(), node1.pid(), node2.pid());
                    latency("one node, N=100", accounts.subList(0, 100), node1.apiBase(), node1.apiBase(), node1.pid(), node2.pid(), true);
                    latency("one node, N=1000", accounts, node1.apiBase(), node1.apiBase(), node1.pid(), node2.pid(), true);
                    latency("two nodes, N=100", accounts.subList(0, 100), node2.apiBase(), node1.apiBase(), node1.pid(), node2.pid(), true);
                    latency("two nodes, N=1000", accounts, node2.apiBase(), node1.apiBase(), node1.pid(), node2.pid(), true);
                }
                if (scenarios.contains("reads")) {
                    ReadPaths.run(stack, node1.apiBase(), node1.pid(), node2.pid(), 200, 50, 200, Duration.ofSeconds(20));
                }
                if (scenarios.contains("upload")) {
                    upload(seed(stack, 1, "U").get(0), node1.apiBase(), node1.pid(), node2.pid());
                }
                if (scenarios.contains("claim")) {
                    claim(stack);
                }
                if (scenarios.contains("idle")) {
                    idleSockets(stack, node1, idle);
                }
            }
        } catch (Exception | Error e) {
            System.out.println("work directory kept (the run failed; the nodes' logs are there): " + work);
            throw e;
        }
        // the database, both nodes' directories and logs: about 200 MB a run
        if (Boolean.getBoolean("bench.keep")) {
            System.out.println("work directory kept (-Dbench.keep=true): " + work);
        } else {
            deleteTree(work);
        }
    }

    /** Best effort: what cannot be deleted (a process still closing a file) is named and left. */
    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException e) {
                    System.out.println("not deleted: " + p + " (" + e + ")");
                }
            });
        } catch (java.io.IOException e) {
            System.out.println("work directory not deleted: " + root + " (" + e + ")");
        }
    }

    /** Whether a fresh stream for the diagnosis shows its snapshot within 5 s (is the server answering it?). */
    static String secondLook(URI api, int diagnosisId, String token) {
        CountDownLatch got = new CountDownLatch(1);
        String[] state = new String[1];
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> f = sse(api, diagnosisId, token, st -> {
            state[0] = st;
            got.countDown();
        });
        try {
            boolean ok = got.await(5, TimeUnit.SECONDS);
            f.cancel(true);
            return ok ? state[0] + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms" : "nothing within 5 s";
        } catch (InterruptedException e) {
            return "interrupted";
        }
    }

    /** The dat_sse_streams gauge of both nodes (management ports 9990 + 200 and + 300). */
    static String serverStreams() {
        StringBuilder out = new StringBuilder();
        for (int port : new int[] {10190, 10290}) {
            try {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                body.lines().filter(l -> l.startsWith("dat_sse_streams")).forEach(l -> out.append(port).append(": ").append(l).append("; "));
            } catch (Exception e) {
                out.append(port).append(": ").append(e).append("; ");
            }
        }
        return out.toString();
    }

    /**
     * {@code -Dbench.pin=true}: the servers (both WildFly nodes, PostgreSQL) on CPU 0, this JVM — the
     * load generator, and s3proxy — on CPU 1, so that neither side's figure includes waiting for the
     * other's core. {@code -Dbench.pin=node1}: node 1 alone on CPU 1, everything else (PostgreSQL,
     * node 2, this JVM) on CPU 0 — the one-node figures then come from a server with a core of its own.
     */
    static void pin(String stackDir, long node1, boolean node1Alone) throws Exception {
        // the WildFly nodes are this JVM's children; PostgreSQL detaches, but runs on the stack's data directory
        List<Long> servers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false)
                        || p.info().commandLine().map(c -> c.contains(stackDir)).orElse(false)
                        || p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(ProcessHandle::pid).toList();
        for (long pid : servers) {
            taskset(node1Alone && pid == node1 ? 1 : 0, pid);
        }
        taskset(node1Alone ? 0 : 1, ProcessHandle.current().pid());
        System.out.println(node1Alone
                ? "pinned: node 1 alone on CPU 1; PostgreSQL, node 2 and the load generator on CPU 0 (" + servers.size() + " processes)"
                : "pinned: " + servers.size() + " server processes on CPU 0, the load generator on CPU 1");
    }

    /** A full collection of the JVM {@code pid} ({@code jcmd PID GC.run}), returning when it is over. */
    private static void collect(long pid) throws Exception {
        run(JCMD, Long.toString(pid), "GC.run");
    }

    /** All threads of the process onto one CPU; fails the run if taskset cannot (no such CPU, not permitted). */
    private static void taskset(int cpu, long pid) throws Exception {
        run("taskset", "-a", "-c", "-p", Integer.toString(cpu), Long.toString(pid));
    }

    // ---- data ----

    /** Doctors with one patient and a login each, written straight into the database (bcrypt for 1000 logins would dominate). */
    static List<Account> seed(DevStack stack, int n, String prefix) throws Exception {
        List<Account> out = new ArrayList<>();
        try (Connection c = stack.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("INSERT INTO users (login_id, hashed_password, name, role, "
                    + "is_verified, is_deleted, created_at, updated_at) VALUES (?, 'x', 'bench', 'DOCTOR', true, false, "
                    + "now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc') RETURNING id");
                 PreparedStatement doctor = c.prepareStatement("INSERT INTO doctors (user_id, is_deleted, created_at, updated_at) "
                         + "VALUES (?, false, now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc') RETURNING id");
                 PreparedStatement patient = c.prepareStatement("INSERT INTO patients (code, name, created_by, is_deleted, "
                         + "created_at, updated_at) VALUES (?, 'p', ?, false, now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc') RETURNING id");
                 PreparedStatement token = c.prepareStatement("INSERT INTO tokens (refresh_token, user_id, family_id, expires_at, "
                         + "is_deleted, created_at, updated_at) VALUES (?, ?, ?, now() AT TIME ZONE 'utc' + interval '1 day', false, "
                         + "now() AT TIME ZONE 'utc', now() AT TIME ZONE 'utc')")) {
                for (int i = 0; i < n; i++) {
                    String tag = prefix + UUID.randomUUID().toString().substring(0, 8) + i;
                    user.setString(1, tag);
                    int userId = one(user);
                    doctor.setInt(1, userId);
                    int doctorId = one(doctor);
                    patient.setString(1, tag);
                    patient.setInt(2, doctorId);
                    int patientId = one(patient);
                    String family = UUID.randomUUID().toString();
                    token.setString(1, UUID.randomUUID().toString());
                    token.setInt(2, userId);
                    token.setString(3, family);
                    token.executeUpdate();
                    out.add(new Account(userId, patientId, tag, accessToken(userId, family)));
                }
            }
            c.commit();
        }
        return out;
    }

    private static int one(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String accessToken(int userId, String family) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(Integer.toString(userId));
        claims.setClaim("type", "access");
        claims.setClaim("sid", family);
        claims.setExpirationTimeMinutesInTheFuture(120);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    // ---- clients ----

    /** When this JVM got the nodes' keep-alives (µs since the epoch): headset pings and SSE comment lines. */
    static final java.util.Queue<Long> HEADSET_PINGS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static final java.util.Queue<Long> SSE_PINGS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** A headset socket that hands each text frame to a callback. */
    static final class Socket implements WebSocket.Listener {
        final CountDownLatch open = new CountDownLatch(1);
        final Map<String, CountDownLatch> waits = new ConcurrentHashMap<>();
        WebSocket ws;
        private final StringBuilder partial = new StringBuilder();
        private final Consumer<String> onFrame;

        Socket(Consumer<String> onFrame) {
            this.onFrame = onFrame;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            open.countDown();
            webSocket.request(1);
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            HEADSET_PINGS.add(wallMicros()); // the JDK answers the pong itself
            webSocket.request(1);
            return null;
        }

        @Override
        public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onFrame.accept(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    static CompletableFuture<Socket> connect(URI api, String code, Consumer<String> onFrame) {
        Socket s = new Socket(onFrame);
        URI uri = URI.create(api.toString().replaceFirst("^http", "ws") + "ws/diagnosis/" + code);
        return HTTP.newWebSocketBuilder().buildAsync(uri, s).thenApply(ws -> {
            s.ws = ws;
            return s;
        });
    }

    /** An SSE stream read line by line without a thread of its own. */
    /** Per diagnosis: when the stream's response headers arrived (nanoTime), and how many lines came since. */
    static final Map<Integer, long[]> SEEN = new ConcurrentHashMap<>();

    static CompletableFuture<HttpResponse<Void>> sse(URI api, int diagnosisId, String token, Consumer<String> onState) {
        return sse(api, diagnosisId, token, (state, line) -> onState.accept(state));
    }

    /** A status stream; {@code onState} gets each event's state and its whole {@code data:} line. */
    static CompletableFuture<HttpResponse<Void>> sse(URI api, int diagnosisId, String token,
            java.util.function.BiConsumer<String, String> onState) {
        HttpRequest req = HttpRequest.newBuilder(api.resolve("diagnosis/" + diagnosisId + "/status"))
                .header("Authorization", "Bearer " + token).GET().build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            Flow.Subscription sub;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                SEEN.put(diagnosisId, new long[] {System.nanoTime(), 0});
                sub = subscription;
                sub.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                long[] seen = SEEN.get(diagnosisId);
                if (seen != null) {
                    seen[1]++;
                }
                if (line.startsWith(":")) {
                    SSE_PINGS.add(wallMicros());
                } else if (line.startsWith("data:")) {
                    Matcher m = STATE.matcher(line);
                    if (m.find()) {
                        onState.accept(m.group(1), line);
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    static HttpResponse<String> post(URI api, String path, String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token);
        b.header("Content-Type", "application/json");
        b.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- measurements ----

    /** Rounds of N = 1,000 until neither node's JIT compilers took over a tenth of its CPU in the last one. */
    static void warmUp(String label, List<Account> accounts, URI headsetNode, URI doctorNode, long node1, long node2)
            throws Exception {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            Round r = latency(label + " " + round, accounts, headsetNode, doctorNode, node1, node2, false);
            if (r.node1.jitShare() < 0.1 && r.node2.jitShare() < 0.1) {
                return;
            }
        }
        System.out.printf(Locale.ROOT, "%s: the JIT compilers were still busy after %d rounds%n", label, WARM_UP_ROUNDS);
    }

    /** What a round cost a node: its CPU, and of that its JIT compiler and GC threads (ms). */
    record NodeCpu(long total, long jit, long gc) {
        double jitShare() {
            return total == 0 ? 0 : jit / (double) total;
        }
    }

    /**
     * A listener of the cluster bus's channel of its own, in this JVM: when a diagnosis's STARTED
     * notification arrives here its transaction has committed (PostgreSQL delivers a NOTIFY only
     * then), so it marks the point between the node's database work and its push.
     */
    static final class Notifications implements AutoCloseable {
        private static final Pattern STARTED = Pattern.compile("\"id\":(\\d+),\"state\":\"STARTED\"");
        private final Map<Integer, Long> startedAt = new ConcurrentHashMap<>();
        private final Connection connection;
        private final Thread thread;
        private volatile boolean running = true;

        private Notifications(Connection connection) {
            this.connection = connection;
            this.thread = new Thread(this::run, "bench-listen");
            thread.setDaemon(true);
        }

        static Notifications listen(javax.sql.DataSource db) throws Exception {
            Connection c = db.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + kr.dat.realtime.ClusterBus.CHANNEL);
            }
            Notifications n = new Notifications(c);
            n.thread.start();
            return n;
        }

        private void run() {
            try {
                org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
                while (running) {
                    org.postgresql.PGNotification[] got = pg.getNotifications(200);
                    long now = wallMicros();
                    if (got != null) {
                        for (org.postgresql.PGNotification note : got) {
                            Matcher m = STARTED.matcher(note.getParameter());
                            if (m.find()) {
                                startedAt.putIfAbsent(Integer.parseInt(m.group(1)), now);
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                if (running) {
                    System.out.println("bus listener stopped: " + e);
                }
            }
        }

        /**
         * When each diagnosis's STARTED was heard, µs since the epoch. This listener may hear the last
         * ones after the doctors' streams showed them: it waits up to 5 s for them, then fails.
         */
        long[] startedAt(int[] ids) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            long[] out = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                Long t = startedAt.get(ids[i]);
                while (t == null && System.nanoTime() < deadline) {
                    Thread.sleep(10); // polled with a deadline: the listener thread fills the map
                    t = startedAt.get(ids[i]);
                }
                if (t == null) {
                    throw new IllegalStateException("no STARTED notification heard for diagnosis " + ids[i] + " within 5 s");
                }
                out[i] = t;
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(2_000);
            connection.close();
        }
    }

    /** A latency round's cost on both nodes. */
    record Round(NodeCpu node1, NodeCpu node2) {
    }

    /** {@code strict}: a stream whose snapshot comes later than 5 s fails the run (else only one that never comes). */
    static Round latency(String label, List<Account> accounts, URI headsetNode, URI doctorNode, long node1, long node2,
                         boolean strict) throws Exception {
        int n = accounts.size();
        long[] sentAt = new long[n];
        long[] latency = new long[n];
        // the same instants on the wall clock, in µs since the epoch, and the change's own updated_at
        // (stamped by the node, on this machine's clock, before its UPDATE and commit): the split says
        // whether a slow change was slow before the node handled it or after
        long[] sentWall = new long[n];
        long[] stamped = new long[n];
        long[] shownWall = new long[n];
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch started = new CountDownLatch(n);
        CountDownLatch commands = new CountDownLatch(n);
        List<Socket> sockets = new ArrayList<>();
        List<CompletableFuture<Socket>> opening = new ArrayList<>();
        for (Account a : accounts) {
            opening.add(connect(headsetNode, a.code(), frame -> {
                if (frame.contains("s_start_diagnosis")) {
                    commands.countDown();
                }
            }));
        }
        for (CompletableFuture<Socket> f : opening) {
            sockets.add(f.get(60, TimeUnit.SECONDS));
        }
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                r = post(doctorNode, "diagnosis/start", "{\"patient_id\":" + accounts.get(i).patientId()
                        + ",\"type\":\"BALANCEBALL\",\"level\":1}", accounts.get(i).token());
            } while (r.statusCode() == 400 && System.nanoTime() < deadline);
            if (r.statusCode() != 201) {
                throw new IllegalStateException("start failed: " + r.statusCode() + " " + r.body());
            }
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
            m.find();
            ids[i] = Integer.parseInt(m.group(1));
        }
        if (!commands.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every headset got s_start_diagnosis");
        }
        List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        boolean[] shown = new boolean[n];
        long[] openedAt = new long[n];
        long[] shownAt = new long[n];
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            openedAt[i] = System.nanoTime();
            streams.add(openStream(doctorNode, ids[i], accounts.get(i).token(), i, shown, shownAt, ready, latency, sentAt,
                    stamped, shownWall, started, failures));
        }
        // every stream shows its snapshot within 5 s of being asked for, or the run fails; in a warm-up
        // round (a node still compiling) late snapshots are reported, and only one that never comes fails it
        while (!ready.await(100, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            List<Integer> lateStreams = new ArrayList<>();
            List<String> late = new ArrayList<>();
            synchronized (shown) {
                for (int i = 0; i < n; i++) {
                    if (!shown[i] && now - openedAt[i] > TimeUnit.SECONDS.toNanos(5)) {
                        lateStreams.add(i);
                        long[] seen = SEEN.get(ids[i]);
                        late.add("stream " + i + " (diagnosis " + ids[i] + "): " + failures.getOrDefault(i, "no error seen")
                                + (seen == null ? ", no response headers" : ", headers after "
                                + (seen[0] - openedAt[i]) / 1_000_000 + " ms, " + seen[1] + " lines since"));
                    }
                }
            }
            if (lateStreams.isEmpty()) {
                continue;
            }
            // outside the lock: the streams' own callbacks must not wait for these looks
            for (int k = 0; k < lateStreams.size(); k++) {
                int i = lateStreams.get(k);
                late.set(k, late.get(k) + ", a second stream for it: " + secondLook(doctorNode, ids[i], accounts.get(i).token()));
            }
            // late or lost? say which
            boolean lost = !ready.await(25, TimeUnit.SECONDS);
            List<String> outcome = new ArrayList<>();
            synchronized (shown) {
                for (int i : lateStreams) {
                    outcome.add(shown[i] ? "stream " + i + " after " + (shownAt[i] - openedAt[i]) / 1_000_000 + " ms"
                            : "stream " + i + " none after 30 s");
                }
            }
            String report = late.size() + " of " + n + " SSE streams showed no snapshot within 5 s: "
                    + (strict || lost ? late : late.subList(0, Math.min(5, late.size())) + (late.size() > 5 ? " …" : ""))
                    + "; open on the servers: " + serverStreams() + "; their snapshots, waited for 25 s more: "
                    + (strict || lost ? outcome : outcome.subList(0, Math.min(5, outcome.size())) + (outcome.size() > 5 ? " …" : ""));
            if (strict || lost) {
                throw new IllegalStateException(label + ": " + report);
            }
            System.out.printf(Locale.ROOT, "%-18s LATE, not failed (a warm-up round, and every snapshot came): %s%n", label, report);
            break;
        }
        long[] snapshotAfter = new long[n];
        for (int i = 0; i < n; i++) {
            snapshotAfter[i] = shownAt[i] - openedAt[i];
        }
        System.out.printf(Locale.ROOT, "%-18s %d SSE streams opened at once: snapshot after %s%n", label, n,
                spread(snapshotAfter, "%.0f"));
        if (headsetNode.equals(doctorNode) && !Boolean.getBoolean("bench.idleNodeGc.off")) {
            // node 2 has no part in a one-node round but shares the two cores: a young collection of its
            // heap (filled in the two-node rounds), 38-49 ms of its two GC workers inside the round, was
            // charged to node 1's push. Its heap is collected before the round instead.
            collect(node2);
        }
        long[] cpuBefore = cpuMillis(node1, node2);
        Map<Long, long[]> threads1 = threadCpuMillis(node1);
        Map<Long, long[]> threads2 = threadCpuMillis(node2);
        long[] stallsBefore = stalls();
        double[] walBefore = walSyncs();
        long[] stalls;
        double[] wal;
        long[] notified;
        long roundEndMillis;
        NodeCpu cost1;
        NodeCpu cost2;
        try (Notifications committed = Notifications.listen(database)) { // closed if a round throws
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sentAt[i] = System.nanoTime();
                sentWall[i] = wallMicros();
                sockets.get(i).ws.sendText("{\"action\":\"c_diagnosis_started\",\"data\":{\"diagnosis_id\":" + ids[i] + "}}", true);
                long next = t0 + (i + 1) * PACE_NANOS;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            if (!started.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("missing STARTED events: " + started.getCount());
            }
            roundEndMillis = System.currentTimeMillis();
            long[] cpu = cpuMillis(node1, node2);
            stalls = stalls();
            wal = walSyncs();
            cost1 = nodeCpu(cpu[0] - cpuBefore[0], threads1, threadCpuMillis(node1));
            cost2 = nodeCpu(cpu[3] - cpuBefore[3], threads2, threadCpuMillis(node2));
            System.out.printf(Locale.ROOT, "%-18s c_diagnosis_started -> SSE: %s (%d sessions, "
                            + "%d sockets + %d SSE streams open); CPU per change: node 1 %s, PostgreSQL %.2f ms, "
                            + "load generator %.2f ms, node 2 %s%n", label, spread(latency, "%.2f"), n, n, n,
                    perUnit(cost1, n), (cpu[1] - cpuBefore[1]) / (double) n, (cpu[2] - cpuBefore[2]) / (double) n,
                    perUnit(cost2, n));
            notified = committed.startedAt(ids);
        }
        System.out.printf(Locale.ROOT, "%-18s split: sent -> stamped (the change's updated_at) %s; stamped -> committed "
                        + "(its NOTIFY heard here) %s; committed -> shown %s%n", label, spread(between(sentWall, stamped), "%.2f"),
                spread(between(stamped, notified), "%.2f"), spread(between(notified, shownWall), "%.2f"));
        System.out.printf(Locale.ROOT, "%-18s near the slow changes: %s%n", label, nearSlow(sentWall, latency));
        System.out.printf(Locale.ROOT, "%-18s meanwhile: %d collections in the load generator (%d ms), %d ms of CPU "
                + "taken by the hypervisor (steal)%n", label, stalls[0] - stallsBefore[0], stalls[1] - stallsBefore[1],
                stalls[2] - stallsBefore[2]);
        System.out.printf(Locale.ROOT, "%-18s PostgreSQL meanwhile: %.0f checkpoints, %.0f WAL syncs taking %.0f ms%n", label,
                wal[0] - walBefore[0], wal[1] - walBefore[1], wal[2] - walBefore[2]);
        long roundStartMillis = sentWall[0] / 1_000;
        System.out.printf(Locale.ROOT, "%-18s VM pauses meanwhile: node 1 %s; node 2 %s%n", label,
                pauses(node1, roundStartMillis, roundEndMillis), pauses(node2, roundStartMillis, roundEndMillis));
        for (int i = 0; i < n; i++) {
            post(doctorNode, "diagnosis/" + ids[i] + "/cancel", null, accounts.get(i).token());
        }
        for (Socket s : sockets) {
            s.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
        for (CompletableFuture<HttpResponse<Void>> f : streams) {
            f.get(30, TimeUnit.SECONDS); // cancelled sessions end their streams
        }
        return new Round(cost1, cost2);
    }

    /**
     * The changes of a round that took 10 ms or more, by when they were sent (s into the round), and
     * the keep-alives this JVM received in the round (headset pings and SSE pings): how many, and the
     * most in one 100 ms slot with its time. Says whether slow changes met a burst of them.
     */
    static String nearSlow(long[] sentWall, long[] latency) {
        long start = sentWall[0];
        long end = sentWall[sentWall.length - 1] + 200_000;
        StringBuilder slow = new StringBuilder();
        for (int i = 0; i < latency.length; i++) {
            if (latency[i] >= 10_000_000L) {
                slow.append(String.format(Locale.ROOT, " +%.3f (%.1f ms)", (sentWall[i] - start) / 1e6, latency[i] / 1e6));
            }
        }
        return "changes over 10 ms sent at" + (slow.length() == 0 ? " none" : slow) + "; headset pings "
                + bursts(HEADSET_PINGS, start, end) + "; SSE pings " + bursts(SSE_PINGS, start, end);
    }

    private static String bursts(java.util.Queue<Long> times, long start, long end) {
        Map<Long, Integer> bySlot = new java.util.HashMap<>();
        int all = 0;
        for (long t : times) {
            if (t >= start && t <= end) {
                bySlot.merge((t - start) / 100_000, 1, Integer::sum);
                all++;
            }
        }
        Map.Entry<Long, Integer> most = bySlot.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        return most == null ? "none" : String.format(Locale.ROOT, "%d, at most %d in 100 ms (+%.1f s)", all,
                most.getValue(), most.getKey() / 10.0);
    }

    /** A node's cost per unit of work (a change, a request, an upload): "X ms (JIT j, GC g)". */
    static String perUnit(NodeCpu c, long n) {
        return String.format(Locale.ROOT, "%.2f ms (JIT %.2f, GC %.2f)", c.total / (double) n, c.jit / (double) n,
                c.gc / (double) n);
    }

    static NodeCpu nodeCpu(long total, Map<Long, long[]> before, Map<Long, long[]> after) {
        long jit = 0;
        long gc = 0;
        for (Map.Entry<Long, long[]> t : after.entrySet()) {
            long[] b = before.get(t.getKey());
            long spent = t.getValue()[1] - (b == null ? 0 : b[1]);
            if (t.getValue()[0] == 1) {
                jit += spent;
            } else if (t.getValue()[0] == 2) {
                gc += spent;
            }
        }
        return new NodeCpu(total, jit, gc);
    }

    /**
     * What can stall a round besides the servers: this JVM's own collections (count, ms), and the
     * CPU time the hypervisor gave other guests while this machine wanted it ("steal" in
     * /proc/stat, ms; 0 on bare metal).
     */
    static long[] stalls() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        long steal = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            steal = Long.parseLong(cpu[8]) * 10; // cpu user nice system idle iowait irq softirq steal, in 1/100 s
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return new long[] {count, millis, steal};
    }

    /** PostgreSQL's checkpoints so far, its WAL syncs and the ms they took (or zeros). */
    static double[] walSyncs() {
        try (Connection c = database.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter), "
                     + "wal_sync, wal_sync_time FROM pg_stat_wal")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
        } catch (java.sql.SQLException e) {
            return new double[3];
        }
    }

    /**
     * Per thread of a process (by thread id): its kind (1 = a JIT compiler thread, 2 = a garbage
     * collector thread or the VM thread, 0 = anything else) and its CPU time in ms, from
     * /proc/PID/task. HotSpot names those threads "C1/C2 CompilerThread…", "GC Thread#…",
     * "G1 …" and "VM Thread" (truncated to 15 characters by the kernel).
     */
    static Map<Long, long[]> threadCpuMillis(long pid) {
        Map<Long, long[]> threads = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long kind = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? 1
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? 2 : 0;
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new long[] {kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10});
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (java.io.IOException e) {
            // the process is gone
        }
        return threads;
    }

    /** "p50 …, p99 …, max … ms" of durations in nanoseconds, each number in {@code format}. */
    static String spread(long[] nanos, String format) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, "p50 " + format + " ms, p99 " + format + " ms, max " + format + " ms",
                sorted[n / 2] / 1e6, sorted[(int) Math.ceil(n * 0.99) - 1] / 1e6, sorted[n - 1] / 1e6);
    }

    /** Now on the wall clock, in µs since the epoch (the resolution of the server's timestamps). */
    static long wallMicros() {
        return micros(java.time.Instant.now());
    }

    private static long micros(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\": \"([^\"]+)\"");

    /** The event's {@code timestamp} in µs since the epoch. */
    static long timestampMicros(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no timestamp in " + line);
        }
        return micros(java.time.OffsetDateTime.parse(m.group(1)).toInstant());
    }

    /** Differences b − a of two µs arrays, in ns (for {@link #spread}). */
    static long[] between(long[] a, long[] b) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (b[i] - a[i]) * 1_000L;
        }
        return out;
    }

    /** {@code stamped}, {@code shownWall}: the STARTED event's updated_at and its arrival, by stream (µs since the epoch). */
    private static CompletableFuture<HttpResponse<Void>> openStream(URI api, int id, String token, int k, boolean[] shown,
            long[] shownAt, CountDownLatch ready, long[] latency, long[] sentAt, long[] stamped, long[] shownWall,
            CountDownLatch started, Map<Integer, String> failures) {
        return sse(api, id, token, (state, line) -> {
            if (state.equals("READY")) {
                synchronized (shown) {
                    if (!shown[k]) {
                        shown[k] = true;
                        shownAt[k] = System.nanoTime();
                        ready.countDown();
                    }
                }
            } else if (state.equals("STARTED")) {
                latency[k] = System.nanoTime() - sentAt[k];
                shownWall[k] = wallMicros();
                stamped[k] = timestampMicros(line);
                started.countDown();
            }
        }).whenComplete((r, e) -> {
            if (e != null) {
                failures.put(k, e.toString());
            } else if (r.statusCode() != 200) {
                failures.put(k, "HTTP " + r.statusCode());
            }
        });
    }

    static void upload(Account a, URI api, long node1, long node2) throws Exception {
        String csv = SyntheticResults.balanceBall(10_400_000);
        String escaped = csv.replace("\r", "\\r").replace("\n", "\\n"); // built before the clock starts
        String frameHead = "{\"action\":\"c_upload_result\",\"data\":{\"diagnosis_id\":";
        int warmUp = 0; // rounds: at least 3, then until the JIT compilers take under a tenth of node 1's CPU
        long[] times = new long[9];
        long[] server = new long[times.length]; // the node's own dat_upload_seconds: message whole -> COMPLETED committed
        long[] cpu = new long[4]; // CPU ms over the measured rounds: node 1, PostgreSQL, this JVM (client + s3proxy), node 2
        long[] node1Threads = new long[2]; // of node 1's: its JIT compiler and GC threads'
        boolean measuring = false;
        Map<String, Double> phasesBefore = Map.of();
        for (int round = 0; round < times.length;) {
            double serverBefore = uploadSecondsSum(api);
            if (measuring && round == 0) {
                phasesBefore = phaseSums(api);
            }
            CountDownLatch startCmd = new CountDownLatch(1);
            Socket s = connect(api, a.code(), f -> {
                if (f.contains("s_start_diagnosis")) {
                    startCmd.countDown();
                }
            }).get(30, TimeUnit.SECONDS);
            HttpResponse<String> r;
            do {
                r = post(api, "diagnosis/start", "{\"patient_id\":" + a.patientId() + ",\"type\":\"BALANCEBALL\",\"level\":1}", a.token());
            } while (r.statusCode() == 400);
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
            m.find();
            int id = Integer.parseInt(m.group(1));
            startCmd.await(30, TimeUnit.SECONDS);
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            long[] t = new long[2];
            String[] end = new String[1];
            CompletableFuture<HttpResponse<Void>> stream = sse(api, id, a.token(), state -> {
                if (state.equals("READY")) {
                    ready.countDown();
                } else if (!state.equals("STARTED")) {
                    t[1] = System.nanoTime();
                    end[0] = state;
                    done.countDown();
                }
            });
            ready.await(30, TimeUnit.SECONDS);
            String frame = frameHead + id + ",\"file_content\":\"" + escaped + "\"}}";
            long[] cpuBefore = cpuMillis(node1, node2);
            Map<Long, long[]> threadsBefore = threadCpuMillis(node1);
            t[0] = System.nanoTime();
            s.ws.sendText(frame, true);
            if (!done.await(120, TimeUnit.SECONDS) || !"COMPLETED".equals(end[0])) {
                throw new IllegalStateException("upload did not complete: " + end[0]);
            }
            long[] cpuAfter = cpuMillis(node1, node2);
            NodeCpu spent = nodeCpu(cpuAfter[0] - cpuBefore[0], threadsBefore, threadCpuMillis(node1));
            if (!measuring) {
                warmUp++;
                System.out.printf(Locale.ROOT, "  warm-up upload %d: %.0f ms; node 1 CPU %s%n", warmUp, (t[1] - t[0]) / 1e6,
                        perUnit(spent, 1));
                measuring = warmUp >= 3 && spent.jitShare() < 0.1 || warmUp >= 12;
                stream.get(30, TimeUnit.SECONDS);
                s.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
                continue;
            }
            for (int i = 0; i < cpu.length; i++) {
                cpu[i] += cpuAfter[i] - cpuBefore[i];
            }
            node1Threads[0] += spent.jit();
            node1Threads[1] += spent.gc();
            times[round] = t[1] - t[0];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // recorded just after the commit
            double serverAfter;
            while ((serverAfter = uploadSecondsSum(api)) == serverBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            server[round] = Math.round((serverAfter - serverBefore) * 1e9);
            stream.get(30, TimeUnit.SECONDS);
            s.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            round++;
        }
        Map<String, Double> phasesAfter = phaseSums(api);
        StringBuilder phases = new StringBuilder();
        for (String name : List.of("decode", "claim", "scoring", "store", "record")) { // ResultMetrics.Phase, in order
            phases.append(phases.length() == 0 ? "" : ", ").append(name).append(' ').append(String.format(Locale.ROOT, "%.0f",
                    (phasesAfter.getOrDefault(name, 0.0) - phasesBefore.getOrDefault(name, 0.0)) * 1e3 / times.length));
        }
        String each = rounds(times);
        String eachServer = rounds(server);
        Arrays.sort(times);
        Arrays.sort(server);
        System.out.printf(Locale.ROOT, "10.4 MB upload (%,d rows) frame sent -> SSE COMPLETED: median %.0f ms, best %.0f ms "
                + "(rounds: %s ms; includes the WebSocket transfer, the durable claim, both bucket writes and scoring)%n",
                csv.chars().filter(c -> c == '\n').count() - 1, times[times.length / 2] / 1e6, times[0] / 1e6, each);
        System.out.printf(Locale.ROOT, "  of which on the server, message received whole -> COMPLETED committed "
                + "(dat_upload_seconds): median %.0f ms, best %.0f ms (rounds: %s ms)%n",
                server[server.length / 2] / 1e6, server[0] / 1e6, eachServer);
        System.out.println("  its phases (dat_upload_phase_seconds, mean of the measured rounds, ms): " + phases);
        long total = Arrays.stream(cpu).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "  CPU per upload (frame sent -> COMPLETED seen, mean of the %d measured rounds after %d warm-up): "
                + "node 1 %d ms (JIT %d, GC %d), PostgreSQL %d ms, load generator (client + s3proxy) %d ms, node 2 %d ms; "
                + "total %d ms = %d ms of wall clock on %d cores at best%n", times.length, warmUp, cpu[0] / times.length,
                node1Threads[0] / times.length, node1Threads[1] / times.length,
                cpu[1] / times.length, cpu[2] / times.length, cpu[3] / times.length, total / times.length,
                total / times.length / cores, cores);
    }

    /**
     * The safepoints of node {@code pid} that overlap {@code [from, to]} (ms since the epoch): how many,
     * their total, and the longest with its operation (a collection is {@code G1CollectForAllocation}).
     * Such a pause stops every thread of the node, so the changes in flight wait it out.
     */
    static String pauses(long pid, long from, long to) {
        Path log = safepointLogs.resolve(pid + ".log");
        int count = 0;
        double totalMs = 0;
        double longestMs = 0;
        String longest = "";
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = SAFEPOINT.matcher(line);
                if (!m.find()) {
                    continue;
                }
                long end = Long.parseLong(m.group(1));
                double ms = Long.parseLong(m.group(3)) / 1e6;
                if (end < from || end - ms > to) {
                    continue;
                }
                count++;
                totalMs += ms;
                if (ms > longestMs) {
                    longestMs = ms;
                    longest = m.group(2);
                }
            }
        } catch (java.io.IOException e) {
            return "no safepoint log (" + e + ")";
        }
        return count == 0 ? "none" : String.format(Locale.ROOT, "%d, %.1f ms in all, longest %.1f ms (%s)", count, totalMs,
                longestMs, longest);
    }

    /** CPU time (user + system, ms) of node 1, all PostgreSQL processes, this JVM and node 2, from /proc. */
    static long[] cpuMillis(long node1, long node2) {
        return new long[] {cpuMillis(node1), postgresCpuMillis(), cpuMillis(ProcessHandle.current().pid()), cpuMillis(node2)};
    }

    /** CPU time (ms) of all PostgreSQL processes. */
    static long postgresCpuMillis() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .mapToLong(p -> cpuMillis(p.pid())).sum();
    }

    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields from the 3rd (state) on
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in 1/100 s
        } catch (java.io.IOException | RuntimeException e) {
            return 0; // gone (a backend that ended)
        }
    }

    private static String rounds(long[] nanos) {
        StringBuilder each = new StringBuilder();
        for (long t : nanos) {
            each.append(each.length() == 0 ? "" : ", ").append(Math.round(t / 1e6));
        }
        return each.toString();
    }

    /** {@code dat_upload_seconds_sum} from the node's Prometheus scrape (its management port: HTTP port + 1910). */
    static double uploadSecondsSum(URI api) throws Exception {
        return scrape(api).lines().filter(l -> l.startsWith("dat_upload_seconds_sum"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * The floor under the upload's claim phase: the same 10.4 MB text inserted into a copy of
     * {@code result_uploads} (its storage settings included) over plain JDBC, committed, and dropped
     * again as the pipeline does, with no server in between. Prints the medians of 9 after 3 warm-up.
     */
    static void claim(DevStack stack) throws Exception {
        String csv = SyntheticResults.balanceBall(10_400_000);
        int rounds = 12;
        int warmUp = 3;
        long[] insert = new long[rounds - warmUp];
        long[] commit = new long[rounds - warmUp];
        long[] drop = new long[rounds - warmUp];
        long cpuBefore = 0;
        try (java.sql.Connection c = stack.dataSource().getConnection()) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS bench_claim");
                st.execute("CREATE TABLE bench_claim (LIKE result_uploads INCLUDING ALL)");
            }
            c.setAutoCommit(false);
            for (int i = 0; i < rounds; i++) {
                if (i == warmUp) {
                    cpuBefore = postgresCpuMillis();
                }
                long t0 = System.nanoTime();
                try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO bench_claim (diagnosis_id, patient_id, "
                        + "file_name, content, attempts, next_attempt_at, received_at) VALUES (?, 1, 'b.csv', ?, 1, now(), now())")) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, csv);
                    ps.executeUpdate();
                }
                long t1 = System.nanoTime();
                c.commit();
                long t2 = System.nanoTime();
                try (java.sql.Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE bench_claim SET content = NULL WHERE diagnosis_id = " + (i + 1));
                }
                c.commit();
                long t3 = System.nanoTime();
                if (i >= warmUp) {
                    insert[i - warmUp] = t1 - t0;
                    commit[i - warmUp] = t2 - t1;
                    drop[i - warmUp] = t3 - t2;
                }
            }
            long cpu = postgresCpuMillis() - cpuBefore;
            c.setAutoCommit(true);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("DROP TABLE bench_claim");
            }
            String each = rounds(insert);
            Arrays.sort(insert);
            Arrays.sort(commit);
            Arrays.sort(drop);
            System.out.printf(Locale.ROOT, "10.4 MB claim over plain JDBC (durable PostgreSQL, no server): INSERT median %.1f ms "
                    + "(rounds: %s ms), COMMIT %.1f ms, dropping it again %.1f ms; PostgreSQL CPU %d ms per claim and drop%n",
                    insert[insert.length / 2] / 1e6, each, commit[commit.length / 2] / 1e6, drop[drop.length / 2] / 1e6,
                    cpu / insert.length);
        }
    }

    /** The node's Prometheus scrape (its management port: HTTP port + 1910). */
    private static String scrape(URI api) throws Exception {
        URI scrape = URI.create("http://127.0.0.1:" + (api.getPort() + 1910) + "/prometheus");
        return HTTP.send(HttpRequest.newBuilder(scrape).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@code dat_upload_phase_seconds_sum} per phase. */
    static Map<String, Double> phaseSums(URI api) throws Exception {
        Map<String, Double> sums = new java.util.HashMap<>();
        Pattern phase = Pattern.compile("^dat_upload_phase_seconds_sum\\{.*phase=\"([a-z]+)\".*\\} (\\S+)$");
        scrape(api).lines().map(phase::matcher).filter(Matcher::matches)
                .forEach(m -> sums.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum));
        return sums;
    }

    static void idleSockets(DevStack stack, WildFlyProcess node, int n) throws Exception {
        String before = heapUsed(node);
        List<Account> patients = seed(stack, n, "I");
        List<CompletableFuture<Socket>> opening = new ArrayList<>();
        List<Socket> open = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            opening.add(connect(node.apiBase(), patients.get(i).code(), f -> { }));
            if (opening.size() == 200) {
                for (CompletableFuture<Socket> f : opening) {
                    open.add(f.get(60, TimeUnit.SECONDS));
                }
                opening.clear();
            }
        }
        for (CompletableFuture<Socket> f : opening) {
            open.add(f.get(60, TimeUnit.SECONDS));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int present;
        try (Connection c = stack.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM headset_presence")) {
            rs.next();
            present = rs.getInt(1);
        }
        String after = heapUsed(node);
        System.out.printf(Locale.ROOT, "idle headset sockets: %d open on one node in %.1f s (%d in presence); server heap "
                + "(-Xmx1g) after full GC: %s before, %s with them%n", open.size(), seconds, present, before, after);
        for (Socket s : open) {
            s.ws.abort();
        }
    }

    /** Heap in use after a full GC, from {@code jcmd}. */
    static String heapUsed(WildFlyProcess node) throws Exception {
        collect(node.pid());
        String info = run(JCMD, Long.toString(node.pid()), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MiB" : "?";
    }

    /** Runs a command to its end (at most 60 s) and returns its output; fails the run if it fails. */
    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out.strip());
        }
        return out;
    }
}
