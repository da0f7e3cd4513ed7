package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import kr.dat.diagnosis.DiagnosisType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The row pass split across two threads writes what one thread writes: every byte of the processed
 * file, every number, and the same first error, wherever the split falls and whoever runs the half.
 */
class ResultScorerSplitTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static ExecutorService helper;

    @BeforeAll
    static void start() {
        helper = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        helper.shutdownNow();
    }

    /** Everything scoring gives, as one string: the file and the numbers, or the reason for rejecting it. */
    private static String outcome(String csv, DiagnosisType type, Executor ex, IntUnaryOperator split) {
        try {
            ScoredResult r = ResultScorer.score(csv, type, ex, split);
            return r.processedCsv() + "|score " + r.score() + "|time_spent " + r.timeSpent() + "|fps " + r.fps() + "|rows "
                    + r.rows() + "|events " + r.successEvents() + "/" + r.failEvents();
        } catch (ScoringException e) {
            return "rejected: " + e.getMessage();
        }
    }

    private static String alone(String csv, DiagnosisType type) {
        return outcome(csv, type, null, rows -> 0);
    }

    @Test
    void everySplitOfRandomFilesGivesWhatOneThreadGives() {
        Random rnd = new Random(20261207);
        int rejected = 0;
        int withEvents = 0;
        for (int file = 0; file < 400; file++) {
            DiagnosisType type = rnd.nextBoolean() ? DiagnosisType.TENNISBALL : DiagnosisType.BALANCEBALL;
            int rows = 2 + rnd.nextInt(30);
            String csv = randomFile(rnd, type, rows);
            String expected = alone(csv, type);
            rejected += expected.startsWith("rejected: ") ? 1 : 0;
            withEvents += expected.matches("(?s).*\\|events (?!0/0).*") ? 1 : 0;
            for (int split = 1; split < rows; split++) {
                int at = split;
                assertEquals(expected, outcome(csv, type, helper, n -> at), () -> "file " + csv + "split at data row " + at);
                // the second half first, on this thread, before the first
                assertEquals(expected, outcome(csv, type, Runnable::run, n -> at), () -> "file " + csv + "split at " + at);
            }
        }
        // the generator covers both kinds of outcome, so the comparisons above mean something
        assertTrue(rejected > 60 && rejected < 340, "rejected " + rejected);
        assertTrue(withEvents > 60, "with events " + withEvents);
    }

    /**
     * Rows with a random walk of State (rises, drops, repeats, missing and decimal values), times that
     * mostly move forward (sometimes quoted), TennisBall positions in the forms a headset writes and
     * some it does not (in a quarter of the files some parts of 12 digits); in some files a broken row
     * or two (bad time, bad State, a missing time, too many fields, a part that is not finite), so
     * that the first error has to win across the split.
     */
    private static String randomFile(Random rnd, DiagnosisType type, int rows) {
        boolean tennis = type == DiagnosisType.TENNISBALL;
        StringBuilder csv = new StringBuilder(tennis ? "current_time,State,Score,Position" : "current_time,State,Score");
        String eol = rnd.nextBoolean() ? "\r\n" : "\n";
        csv.append(eol);
        int broken1 = rnd.nextInt(3) == 0 ? rnd.nextInt(rows) : -1;
        int broken2 = rnd.nextInt(3) == 0 ? rnd.nextInt(rows) : -1;
        LocalDateTime t = LocalDateTime.of(2025, 1, 24, 14, 24, 44, 905_000_000);
        int state = rnd.nextInt(3);
        boolean longParts = rnd.nextInt(4) == 0; // parts of more than 8 digits: a double per part, read on one thread
        for (int r = 0; r < rows; r++) {
            t = t.plusNanos((rnd.nextInt(10) == 0 ? -200 + rnd.nextInt(200) : rnd.nextInt(1500)) * 1_000_000L);
            String time = TIME.format(t);
            if (rnd.nextInt(8) == 0) {
                time = "\"" + time + "\"";
            }
            int roll = rnd.nextInt(10);
            state = roll < 2 ? Math.max(0, state - 1 - rnd.nextInt(2)) : roll < 4 ? state + 1 : state;
            String stateCell = switch (rnd.nextInt(12)) {
                case 0 -> "";
                case 1 -> "NA";
                case 2 -> state + ".5";
                default -> Integer.toString(state);
            };
            String row = time + "," + stateCell + "," + (r / 3);
            if (tennis) {
                row += "," + switch (rnd.nextInt(longParts ? 9 : 8)) {
                    case 8 -> "\"(0.123456789012, " + rnd.nextInt(5) + ".25, 1.5)\"";
                    case 0 -> "";
                    case 1 -> "\"(9.942062E-05, " + rnd.nextInt(5) + ".5, -1.25)\"";
                    case 2 -> "\"at (1, 2, 3)\"";
                    default -> "\"(" + rnd.nextInt(2_000_000) / 1e6 + ", " + rnd.nextInt(3_000_000) / 1e6 + ", -"
                            + rnd.nextInt(900_000) / 1e6 + ")\"";
                };
            }
            if (r == broken1 || r == broken2) {
                row = switch (rnd.nextInt(tennis ? 5 : 4)) {
                    case 4 -> row.substring(0, row.lastIndexOf(',')) + ",\"(1.5, inf, 2.5)\"";
                    case 0 -> "yesterday" + row.substring(row.indexOf(','));
                    case 1 -> row.substring(0, row.indexOf(',')) + ",abc" + row.substring(row.indexOf(',', row.indexOf(',') + 1));
                    case 2 -> row.substring(row.indexOf(','));
                    default -> row + ",1,2,3";
                };
            }
            csv.append(row).append(eol);
        }
        return csv.toString();
    }

    @Test
    void positionsOnlyInOneHalfAreFoundWhereverTheSplitFalls() {
        // a file is rejected only if no row at all has a group: the halves must say so together
        for (int withGroup = 0; withGroup < 12; withGroup++) {
            StringBuilder csv = new StringBuilder("current_time,State,Score,Position\n");
            for (int r = 0; r < 12; r++) {
                csv.append("2025-01-24 14:24:").append(10 + r).append(".5,0,0,").append(r == withGroup ? "\"(0.5, 1.25, 2.0)\"" : "")
                        .append('\n');
            }
            String expected = alone(csv.toString(), DiagnosisType.TENNISBALL);
            assertTrue(!expected.startsWith("rejected"), expected);
            for (int split = 1; split < 12; split++) {
                int at = split;
                assertEquals(expected, outcome(csv.toString(), DiagnosisType.TENNISBALL, helper, n -> at), "split at " + at);
            }
        }
    }

    @Test
    void theFixturesSplitAnywhereGiveWhatOneThreadGives() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(ResultScorerFixturesTest.fixtures())) {
            inputs = files.filter(p -> p.toString().endsWith(".csv") && !p.toString().endsWith(".processed.csv")).sorted().toList();
        }
        for (Path input : inputs) {
            String csv = Files.readString(input, StandardCharsets.UTF_8);
            for (DiagnosisType type : DiagnosisType.values()) {
                String expected = alone(csv, type);
                int rows = (int) csv.lines().count() - 1;
                for (int split = 1; split < rows; split += Math.max(1, rows / 40)) {
                    int at = split;
                    assertEquals(expected, outcome(csv, type, helper, n -> at), () -> input + " as " + type + " split at " + at);
                }
                assertEquals(expected, outcome(csv, type, helper, n -> n - 1), () -> input + " as " + type + " split before the last");
            }
        }
    }

    @Test
    void tenMegabyteFilesScoredWithAHelperGiveWhatOneThreadGives() throws Exception {
        for (DiagnosisType type : List.of(DiagnosisType.BALANCEBALL, DiagnosisType.TENNISBALL)) {
            String csv = type == DiagnosisType.TENNISBALL ? SyntheticResults.tennisBall(10_400_000) : SyntheticResults.balanceBall(10_400_000);
            ScoredResult one = ResultScorer.score(csv, type);
            ScoredResult two = ResultScorer.score(csv, type, helper);
            assertTrue(one.rows() >= ResultScorer.SPLIT_ROWS, "the file is split");
            assertEquals(one.processedCsv(), two.processedCsv());
            assertEquals(one.processed().size(), two.processed().size());
            assertEquals(List.of(one.score(), one.timeSpent(), one.fps(), (double) one.successEvents(), (double) one.failEvents()),
                    List.of(two.score(), two.timeSpent(), two.fps(), (double) two.successEvents(), (double) two.failEvents()));
        }
    }

    @Test
    void aHelperThatNeverRunsTheHalfOrRefusesItIsNotWaitedFor() throws Exception {
        String csv = Files.readString(ResultScorerFixturesTest.fixtures().resolve("tennisball_level2_synth.csv"), StandardCharsets.UTF_8);
        String expected = alone(csv, DiagnosisType.TENNISBALL);
        Executor never = task -> { }; // a pool whose threads are all busy: the task stays queued
        Executor refuses = task -> {
            throw new RejectedExecutionException("full");
        };
        for (Executor ex : List.of(never, refuses)) {
            String got = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> outcome(csv, DiagnosisType.TENNISBALL, ex, n -> n / 2));
            assertEquals(expected, got);
        }
    }
}
