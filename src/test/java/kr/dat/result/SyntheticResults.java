package kr.dat.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Large result files in the shape of the real ones: the rows of a fixture (its columns, number
 * formats, quoting and CRLF line ends) repeated until the size is reached, with {@code current_time}
 * running on by the fixture's own steps and Score/State carried on from one repeat to the next.
 * Deterministic: the same size gives the same text.
 */
public final class SyntheticResults {

    /** The real BalanceBall sample (CRLF, six columns, 4,288 rows). */
    public static final String BALANCEBALL = "balanceball_level1_sample.csv";
    /** The TennisBall fixture (CRLF, a quoted {@code "(x, y, z)"} position, 6,000 rows). */
    public static final String TENNISBALL = "tennisball_level2_synth.csv";

    private static final Map<String, List<CSVRecord>> ROWS = new ConcurrentHashMap<>();

    private SyntheticResults() {
    }

    public static Path fixtures() {
        return Path.of(System.getProperty("dat.fixtures", "src/test/resources/fixtures"));
    }

    public static String balanceBall(int targetBytes) {
        return like(BALANCEBALL, targetBytes);
    }

    public static String tennisBall(int targetBytes) {
        return like(TENNISBALL, targetBytes);
    }

    /** At least {@code targetBytes} (UTF-8; the fixtures are ASCII) of the fixture's shape. */
    public static String like(String fixture, int targetBytes) {
        List<CSVRecord> records = ROWS.computeIfAbsent(fixture, SyntheticResults::read);
        List<String> header = records.get(0).toList();
        int time = header.indexOf("current_time");
        int score = header.indexOf("Score");
        int state = header.indexOf("State");
        List<CSVRecord> rows = records.subList(1, records.size());
        long[] micros = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            micros[i] = micros(rows.get(i).get(time));
        }
        long lastStep = micros[micros.length - 1] - micros[micros.length - 2];
        long cycleMicros = micros[micros.length - 1] - micros[0] + lastStep;
        int lastScore = Integer.parseInt(rows.get(rows.size() - 1).get(score));
        int lastState = Integer.parseInt(rows.get(rows.size() - 1).get(state));

        StringBuilder sb = new StringBuilder(targetBytes + 512);
        sb.append(String.join(",", header)).append("\r\n");
        for (int cycle = 0; sb.length() < targetBytes; cycle++) {
            for (int i = 0; i < rows.size() && sb.length() < targetBytes; i++) {
                CSVRecord row = rows.get(i);
                for (int c = 0; c < header.size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    String cell = row.get(c);
                    if (c == time) {
                        sb.append(format(micros[i] + cycle * cycleMicros));
                    } else if (c == score) {
                        sb.append(Integer.parseInt(cell) + cycle * lastScore);
                    } else if (c == state) {
                        sb.append(Integer.parseInt(cell) + cycle * lastState);
                    } else if (cell.indexOf(',') >= 0) {
                        sb.append('"').append(cell).append('"');
                    } else {
                        sb.append(cell);
                    }
                }
                sb.append("\r\n");
            }
        }
        return sb.toString();
    }

    private static List<CSVRecord> read(String fixture) {
        try {
            return CSVFormat.DEFAULT.parse(Files.newBufferedReader(fixtures().resolve(fixture), StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long micros(String timestamp) {
        LocalDateTime t = LocalDateTime.parse(timestamp.replace(' ', 'T'));
        return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
    }

    private static String format(long micros) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d.%03d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }
}
