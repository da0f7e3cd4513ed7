package kr.dat.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import kr.dat.diagnosis.DiagnosisType;
import kr.dat.result.ResultScorer;
import kr.dat.result.ScoredResult;
import kr.dat.result.SyntheticResults;

/**
 * Scoring throughput on 10.4 MB files in the real shapes ({@link SyntheticResults}: the BalanceBall
 * sample and the TennisBall fixture repeated, CRLF, quoted positions), compared with the old server's 4.8 s for
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
        run("BALANCEBALL", DiagnosisType.BALANCEBALL, SyntheticResults.balanceBall(10_400_000));
        run("TENNISBALL", DiagnosisType.TENNISBALL, SyntheticResults.tennisBall(10_400_000));
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
                        + "allocated %.1f MB per file (%.2fx its size); %.0fx the old server's %.1f s%n",
                label, bytes / 1e6, check.rows(), median * 1e3, best * 1e3, check.rows() / median, bytes / 1e6 / median,
                median * 1e6 / check.rows(), allocated / (double) RUNS / 1e6, allocated / (double) RUNS / bytes, OLD_SERVER_SECONDS / median, OLD_SERVER_SECONDS);
    }
}
