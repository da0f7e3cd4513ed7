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
 * {@code duration}. Prints p50/p99/max per endpoint, measured from sending the request to having
 * read the whole response.
 */
final class ReadPaths {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(LiveBenchmark.VERSION)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private ReadPaths() {
    }

    record Doctor(LiveBenchmark.Account account, int[] patients, int[] records) {
    }

    static void run(DevStack stack, URI api, int doctors, int patients, int records, Duration duration) throws Exception {
        List<Doctor> seeded = seed(stack, doctors, patients, records);
        String[] names = {"GET /patients", "GET /diagnosis/record/list", "GET /diagnosis/record/{id}/metadata"};
        List<long[]>[] samples = newLists(names.length);
        // warm-up: every doctor's three requests once
        for (Doctor d : seeded) {
            poll(api, d, new Random(d.account().userId()), null);
        }
        CountDownLatch done = new CountDownLatch(doctors);
        long end = System.nanoTime() + duration.toNanos();
        int[] errors = new int[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < doctors; i++) {
            Doctor d = seeded.get(i);
            long offset = TimeUnit.SECONDS.toNanos(1) * i / doctors; // spread over the second
            Thread t = new Thread(() -> {
                Random random = new Random(d.account().userId());
                long[][] mine = new long[names.length][(int) (duration.toSeconds() + 2)];
                int[] count = new int[names.length];
                long next = System.nanoTime() + offset;
                try {
                    while (next < end) {
                        LockSupport.parkNanos(next - System.nanoTime());
                        long[] took = new long[names.length];
                        poll(api, d, random, took);
                        for (int k = 0; k < names.length; k++) {
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
                        for (int k = 0; k < names.length; k++) {
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
        if (!done.await(duration.toSeconds() + 120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("readers did not finish");
        }
        if (errors[0] > 0) {
            throw new IllegalStateException(errors[0] + " readers failed");
        }
        for (int k = 0; k < names.length; k++) {
            long[] all = samples[k].stream().flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-38s %d doctors polling: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d requests)%n",
                    names[k], doctors, all[all.length / 2] / 1e6, all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6,
                    all[all.length - 1] / 1e6, all.length);
        }
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
