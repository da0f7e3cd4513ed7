package kr.dat.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
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
        long[] helperId = new long[1];
        ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scoring-helper");
            t.setDaemon(true);
            helperId[0] = t.getId();
            return t;
        });
        helper.submit(() -> { }).get(); // the thread exists from here on
        try {
            for (DiagnosisType type : new DiagnosisType[] {DiagnosisType.BALANCEBALL, DiagnosisType.TENNISBALL}) {
                String csv = type == DiagnosisType.TENNISBALL ? SyntheticResults.tennisBall(10_400_000)
                        : SyntheticResults.balanceBall(10_400_000);
                run(type, csv, null, 0);
                run(type, csv, helper, helperId[0]);
            }
        } finally {
            helper.shutdownNow();
        }
    }

    /**
     * One line: the median time per file, and the CPU time and allocation per file of every thread
     * that scored it ({@code helper}: the second half's thread, or null for this thread alone).
     */
    private static void run(DiagnosisType type, String csv, ExecutorService helper, long helperId) throws Exception {
        long bytes = csv.getBytes(StandardCharsets.UTF_8).length;
        ScoredResult check = score(csv, type, helper);
        for (int i = 0; i < WARMUP; i++) {
            score(csv, type, helper);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long[] ids = helper == null ? new long[] {self} : new long[] {self, helperId};
        long[] nanos = new long[RUNS];
        long allocated = 0;
        long cpu = 0;
        for (int i = 0; i < RUNS; i++) {
            long a0 = LongStream.of(threads.getThreadAllocatedBytes(ids)).sum();
            long c0 = LongStream.of(threads.getThreadCpuTime(ids)).sum();
            long t0 = System.nanoTime();
            score(csv, type, helper);
            nanos[i] = System.nanoTime() - t0;
            cpu += LongStream.of(threads.getThreadCpuTime(ids)).sum() - c0;
            allocated += LongStream.of(threads.getThreadAllocatedBytes(ids)).sum() - a0;
        }
        Arrays.sort(nanos);
        double median = nanos[RUNS / 2] / 1e9;
        double best = nanos[0] / 1e9;
        System.out.printf(Locale.ROOT,
                "%-11s %.1f MB, %,d rows, %s: median %.1f ms (best %.1f ms) = %,.0f rows/s, %.0f MB/s; CPU %.1f ms per file; "
                        + "allocated %.1f MB per file (%.2fx its size); %.0fx the old server's %.1f s%n",
                type, bytes / 1e6, check.rows(), helper == null ? "one thread" : "with a helper thread", median * 1e3,
                best * 1e3, check.rows() / median, bytes / 1e6 / median, cpu / 1e6 / RUNS,
                allocated / (double) RUNS / 1e6, allocated / (double) RUNS / bytes, OLD_SERVER_SECONDS / median, OLD_SERVER_SECONDS);
    }

    private static ScoredResult score(String csv, DiagnosisType type, ExecutorService helper) throws Exception {
        return helper == null ? ResultScorer.score(csv, type) : ResultScorer.score(csv, type, helper);
    }
}
