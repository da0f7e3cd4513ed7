package kr.dat.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import kr.dat.diagnosis.DiagnosisType;
import kr.dat.result.ResultScorer;
import kr.dat.result.ScoredResult;

/**
 * Scoring throughput on ~10 MB files generated deterministically (BalanceBall-style like the real
 * sample, TennisBall-style with quoted positions), compared with the old server's 4.8 s for
 * 10.4 MB / 161k rows. Run: {@code mvn -Pbench-scoring test-compile exec:exec} (see docs/benchmarks.md).
 */
public final class ScoringBenchmark {

    private static final double OLD_SERVER_SECONDS = 4.8;
    private static final int WARMUP = 15;
    private static final int RUNS = 31;

    private ScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        run("BALANCEBALL", DiagnosisType.BALANCEBALL, balanceBall(10_400_000));
        run("TENNISBALL", DiagnosisType.TENNISBALL, tennisBall(10_400_000));
    }

    private static void run(String label, DiagnosisType type, String csv) throws Exception {
        long bytes = csv.getBytes(StandardCharsets.UTF_8).length;
        ScoredResult check = ResultScorer.score(csv, type);
        for (int i = 0; i < WARMUP; i++) {
            ResultScorer.score(csv, type);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[RUNS];
        long allocated = 0;
        for (int i = 0; i < RUNS; i++) {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            ResultScorer.score(csv, type);
            nanos[i] = System.nanoTime() - t0;
            allocated += threads.getCurrentThreadAllocatedBytes() - a0;
        }
        Arrays.sort(nanos);
        double median = nanos[RUNS / 2] / 1e9;
        double best = nanos[0] / 1e9;
        System.out.printf(Locale.ROOT,
                "%-11s %.1f MB, %,d rows: median %.1f ms (best %.1f ms) = %,.0f rows/s, %.0f MB/s, %.2f µs/row; "
                        + "allocated %.0f MB per file; %.0fx the old server's %.1f s%n",
                label, bytes / 1e6, check.rows(), median * 1e3, best * 1e3, check.rows() / median, bytes / 1e6 / median,
                median * 1e6 / check.rows(), allocated / (double) RUNS / 1e6, OLD_SERVER_SECONDS / median, OLD_SERVER_SECONDS);
    }

    /** Rows like the real BalanceBall sample: rotations, a time every ~14 ms, Score/State rising. */
    public static String balanceBall(int targetBytes) {
        Random r = new Random(20250124);
        StringBuilder sb = new StringBuilder(targetBytes + 200);
        sb.append("Rotation_X,Rotation_Y,Rotation_Z,current_time,Score,State\r\n");
        long micros = 1_737_728_684_905_000L; // 2025-01-24 14:24:44.905
        int state = 0;
        for (int i = 0; sb.length() < targetBytes; i++) {
            if (r.nextInt(250) == 0) {
                state++;
            }
            sb.append(rot(r)).append(',').append(rot(r)).append(',').append(rot(r)).append(',')
                    .append(time(micros)).append(',').append(state).append(',').append(state).append("\r\n");
            micros += 12_000 + r.nextInt(4_000);
        }
        return sb.toString();
    }

    /** TennisBall-style rows: a quoted "(x, y, z)" position and a gap, State going up and down. */
    static String tennisBall(int targetBytes) {
        Random r = new Random(20250315);
        StringBuilder sb = new StringBuilder(targetBytes + 200);
        sb.append("Rotation_X,Rotation_Y,Rotation_Z,Position,Gap,current_time,Score,State\n");
        long micros = 1_742_054_575_048_000L; // 2025-03-15 16:02:55.048
        int state = 0;
        int score = 0;
        for (int i = 0; sb.length() < targetBytes; i++) {
            int roll = r.nextInt(300);
            if (roll == 0) {
                state++;
                score++;
            } else if (roll == 1 && state > 0) {
                state--;
                score--;
            }
            sb.append(rot(r)).append(',').append(rot(r)).append(',').append(rot(r)).append(",\"(")
                    .append(rot(r)).append(", ").append(Float.toString(1 + (float) (r.nextGaussian() * 0.3))).append(", ").append(rot(r)).append(")\",")
                    .append(String.format(Locale.ROOT, "%.6g", r.nextDouble() * 3)).append(',')
                    .append(time(micros)).append(',').append(score).append(',').append(state).append('\n');
            micros += 12_000 + r.nextInt(4_000);
        }
        return sb.toString();
    }

    private static String rot(Random r) {
        return Float.toString((float) (r.nextGaussian() * 0.3));
    }

    private static String time(long micros) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%03d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }
}
