package kr.dat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import kr.dat.devstack.DevStack;

/**
 * The doctors' read paths under load: {@code doctors} doctors with {@code patients} patients and
 * {@code records} result records each (seeded in SQL), every doctor polling like an open front end —
 * once a second {@code GET /patients}, {@code GET /diagnosis/record/list} for one of its patients and
 * {@code GET /diagnosis/record/{id}/metadata} for one of its records, one after the other — for
 * {@code duration}, after {@link #WARM_UP} of the same load unmeasured, which the doctors join one by
 * one over {@link #RAMP}. Prints p50/p99/max per endpoint, measured from sending the request to
 * having read the whole response.
 */
final class ReadPaths {

    static final Duration WARM_UP = Duration.ofSeconds(15);
    /**
     * Over the first warm-up the doctors join one by one over this long ({@code -Dbench.reads.ramp},
     * seconds). With all 200 at once ({@code 0}) a cold node on two cores fell behind and stayed
     * behind in most runs, its JIT compilers still taking a quarter of its CPU after 95 s of load
     * (docs/benchmarks.md, 2026-12-07, late night).
     */
    static final Duration RAMP = Duration.ofSeconds(Long.getLong("bench.reads.ramp", 60));
    /** Further warm-up, in slices of this length, at most this many. */
    static final Duration WARM_UP_SLICE = Duration.ofSeconds(10);
    static final int WARM_UP_SLICES = 8;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(LiveBenchmark.VERSION)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ReadPaths() {
    }

    record Doctor(LiveBenchmark.Account account, int[] patients, int[] records) {
    }

    static void run(DevStack stack, URI api, long node1, long node2, int doctors, int patients, int records, Duration duration)
            throws Exception {
        List<Doctor> seeded = seed(stack, doctors, patients, records);
        String[] names = {"GET /patients", "GET /diagnosis/record/list", "GET /diagnosis/record/{id}/metadata"};
        // warm-up: the same load, unmeasured and ramped, until the server's code is compiled
        pollAll(api, seeded, WARM_UP, names.length, RAMP);
        // then more of it, until the JIT compilers take less than a tenth of node 1's CPU
        for (int slice = 1; slice <= WARM_UP_SLICES; slice++) {
            long before = LiveBenchmark.cpuMillis(node1, node2)[0];
            Map<Long, long[]> threads = LiveBenchmark.threadCpuMillis(node1);
            pollAll(api, seeded, WARM_UP_SLICE, names.length, Duration.ZERO);
            LiveBenchmark.NodeCpu spent = LiveBenchmark.nodeCpu(LiveBenchmark.cpuMillis(node1, node2)[0] - before, threads,
                    LiveBenchmark.threadCpuMillis(node1));
            System.out.printf(Locale.ROOT, "  warm-up slice %d (%d s): node 1 CPU %,d ms, of which JIT %,d ms, GC %,d ms%n",
                    slice, WARM_UP_SLICE.toSeconds(), spent.total(), spent.jit(), spent.gc());
            if (spent.jitShare() < 0.1) {
                break;
            }
        }
        long[] cpuBefore = LiveBenchmark.cpuMillis(node1, node2);
        Map<Long, long[]> threadsBefore = LiveBenchmark.threadCpuMillis(node1);
        List<long[]>[] samples = pollAll(api, seeded, duration, names.length, Duration.ZERO);
        long[] cpu = LiveBenchmark.cpuMillis(node1, node2);
        LiveBenchmark.NodeCpu node1Cpu = LiveBenchmark.nodeCpu(cpu[0] - cpuBefore[0], threadsBefore,
                LiveBenchmark.threadCpuMillis(node1));
        long requests = 0;
        for (int k = 0; k < names.length; k++) {
            long[] all = samples[k].stream().flatMapToLong(Arrays::stream).toArray();
            System.out.printf(Locale.ROOT, "%-38s %d doctors polling: %s (%,d requests)%n",
                    names[k], doctors, LiveBenchmark.spread(all, "%.2f"), all.length);
            requests += all.length;
        }
        System.out.printf(Locale.ROOT, "  %,.0f requests/s; CPU per request: node 1 %s, PostgreSQL %.2f ms, "
                        + "load generator %.2f ms, node 2 %.2f ms (%d cores: capacity at most %,.0f requests/s)%n",
                requests / (double) duration.toSeconds(), LiveBenchmark.perUnit(node1Cpu, requests),
                (cpu[1] - cpuBefore[1]) / (double) requests, (cpu[2] - cpuBefore[2]) / (double) requests,
                (cpu[3] - cpuBefore[3]) / (double) requests, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() * 1000.0 * requests
                        / (Arrays.stream(cpu).sum() - Arrays.stream(cpuBefore).sum()));
    }

    /** Every doctor polls once a second (spread over the second) for {@code duration}; each request's time, per path. */
    private static List<long[]>[] pollAll(URI api, List<Doctor> seeded, Duration duration, int paths, Duration ramp)
            throws Exception {
        int doctors = seeded.size();
        List<long[]>[] samples = newLists(paths);
        CountDownLatch done = new CountDownLatch(doctors);
        long end = System.nanoTime() + ramp.toNanos() + duration.toNanos();
        int[] errors = new int[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < doctors; i++) {
            Doctor d = seeded.get(i);
            // spread over the second; with a ramp, doctor i joins at ramp * i / doctors
            long offset = TimeUnit.SECONDS.toNanos(1) * i / doctors + ramp.toNanos() * i / doctors;
            Thread t = new Thread(() -> {
                Random random = new Random(d.account().userId());
                long[][] mine = new long[paths][(int) (ramp.toSeconds() + duration.toSeconds() + 2)];
                int[] count = new int[paths];
                long next = System.nanoTime() + offset;
                try {
                    while (next < end) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        long[] took = new long[paths];
                        poll(api, d, random, took);
                        for (int k = 0; k < paths; k++) {
                            if (count[k] == mine[k].length) {
                                mine[k] = Arrays.copyOf(mine[k], mine[k].length * 2);
                            }
                            mine[k][count[k]++] = took[k];
                        }
                        next += TimeUnit.SECONDS.toNanos(1);
                    }
                } catch (Exception e) {
                    synchronized (errors) {
                        errors[0]++;
                    }
                    System.out.println("  reader failed: " + e);
                } finally {
                    synchronized (samples) {
                        for (int k = 0; k < paths; k++) {
                            samples[k].add(Arrays.copyOf(mine[k], count[k]));
                        }
                    }
                    done.countDown();
                }
            }, "reader-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        if (!done.await(ramp.toSeconds() + duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("readers did not finish");
        }
        if (errors[0] > 0) {
            throw new IllegalStateException(errors[0] + " readers failed");
        }
        return samples;
    }

    @SuppressWarnings("unchecked")
    private static List<long[]>[] newLists(int n) {
        List<long[]>[] lists = new List[n];
        for (int i = 0; i < n; i++) {
            lists[i] = new ArrayList<>();
        }
        return lists;
    }

    /** One round of a doctor's front end; {@code took} (if given) gets each request's time. */
    private static void poll(URI api, Doctor d, Random random, long[] took) throws Exception {
        String token = d.account().token();
        int patient = d.patients()[random.nextInt(d.patients().length)];
        int record = d.records()[random.nextInt(d.records().length)];
        String[] paths = {"patients",
            "diagnosis/record/list?patient_id=" + patient + "&start_date=2000-01-01T00:00:00&end_date=2100-01-01T00:00:00",
            "diagnosis/record/" + record + "/metadata"};
        for (int k = 0; k < paths.length; k++) {
            HttpRequest req = HttpRequest.newBuilder(api.resolve(paths[k])).header("Authorization", "Bearer " + token).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(paths[k] + ": " + r.statusCode() + " " + r.body());
            }
            if (took != null) {
                took[k] = t;
            }
        }
    }

    /** Doctors, their patients and COMPLETED diagnoses with results, straight in SQL. */
    private static List<Doctor> seed(DevStack stack, int doctors, int patients, int records) throws Exception {
        List<LiveBenchmark.Account> accounts = LiveBenchmark.seed(stack, doctors, "R");
        List<Doctor> out = new ArrayList<>();
        try (Connection c = stack.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement doctorOf = c.prepareStatement("SELECT created_by FROM patients WHERE id = ?");
                 PreparedStatement morePatients = c.prepareStatement("INSERT INTO patients (code, name, created_by, is_deleted, "
                         + "created_at, updated_at) SELECT ? || '-' || g, 'p', ?, false, now() AT TIME ZONE 'utc', "
                         + "now() AT TIME ZONE 'utc' FROM generate_series(2, ?) g");
                 PreparedStatement diagnoses = c.prepareStatement("INSERT INTO diagnoses (doctor_id, patient_id, code, type, "
                         + "level, state, expired_at, is_deleted, created_at, updated_at) SELECT ?, p.id, 'B3NCH0', 'BALANCEBALL', 1, "
                         + "'COMPLETED', now() AT TIME ZONE 'utc', false, (now() AT TIME ZONE 'utc') - g * interval '1 hour', "
                         + "now() AT TIME ZONE 'utc' FROM patients p, generate_series(1, ?) g WHERE p.created_by = ?");
                 PreparedStatement results = c.prepareStatement("INSERT INTO diagnosis_results (diagnosis_id, original_file_path, "
                         + "processed_file_path, score, time_spent, fps, is_deleted, created_at, updated_at) SELECT d.id, "
                         + "'diagnosis/' || d.id || '/original/BALANCEBALL_1_20261201120000.csv', "
                         + "'diagnosis/' || d.id || '/processed/BALANCEBALL_1_20261201120000.csv', 18, 60.035, 71.425, false, "
                         + "d.created_at, d.created_at FROM diagnoses d WHERE d.doctor_id = ?");
                 PreparedStatement patientIds = c.prepareStatement("SELECT id FROM patients WHERE created_by = ?");
                 PreparedStatement recordIds = c.prepareStatement("SELECT diagnosis_id FROM diagnosis_results r JOIN diagnoses d "
                         + "ON d.id = r.diagnosis_id WHERE d.doctor_id = ?")) {
                for (LiveBenchmark.Account a : accounts) {
                    doctorOf.setInt(1, a.patientId());
                    int doctorId = ints(doctorOf)[0];
                    morePatients.setString(1, a.code());
                    morePatients.setInt(2, doctorId);
                    morePatients.setInt(3, patients);
                    morePatients.executeUpdate();
                    diagnoses.setInt(1, doctorId);
                    diagnoses.setInt(2, records / patients);
                    diagnoses.setInt(3, doctorId);
                    diagnoses.executeUpdate();
                    results.setInt(1, doctorId);
                    results.executeUpdate();
                    patientIds.setInt(1, doctorId);
                    recordIds.setInt(1, doctorId);
                    out.add(new Doctor(a, ints(patientIds), ints(recordIds)));
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            c.commit();
        }
        return out;
    }

    private static int[] ints(PreparedStatement ps) throws Exception {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
