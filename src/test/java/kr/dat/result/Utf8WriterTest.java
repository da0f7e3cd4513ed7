package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The processed file's bytes are the text's UTF-8, whatever falls on the boundaries of the writer's chunks. */
class Utf8WriterTest {

    @Test
    void manyChunksHoldExactlyTheTextsUtf8() throws Exception {
        Random random = new Random(8);
        String[] pieces = {"0.2488537", ",", "\n", "가나다", "😀", "é", "\uD800", "x".repeat(700), "Position_X"};
        StringBuilder expected = new StringBuilder();
        Utf8Writer out = new Utf8Writer(1000);
        double[] numbers = {0.0, -0.0, 1.5, 0.0690000057220459, 0.9999999999999998, -4.930422e-05, 1e16, 1.2345678901234567e-300,
            Double.NaN, Double.NEGATIVE_INFINITY};
        while (expected.length() < 3_000_000) { // several chunks, pieces of every kind across their boundaries
            int kind = random.nextInt(4);
            String p = pieces[random.nextInt(pieces.length)];
            if (kind == 0) {
                out.append(p);
                expected.append(p);
            } else if (kind == 1 && p.chars().allMatch(c -> c < 0x80)) {
                out.appendAscii(p, 0, p.length());
                expected.append(p);
            } else if (kind == 2) {
                double d = numbers[random.nextInt(numbers.length)];
                out.appendDouble(d); // formatted in place: must never run past a chunk's end
                expected.append(PyFloat.repr(d));
            } else {
                out.append(p.charAt(0));
                expected.append(p.charAt(0));
            }
        }
        byte[] utf8 = expected.toString().getBytes(StandardCharsets.UTF_8); // an unpaired surrogate becomes '?'
        assertEquals(utf8.length, out.size());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        out.writeTo(written);
        assertArrayEquals(utf8, written.toByteArray());
        try (InputStream in = out.openStream()) {
            assertArrayEquals(utf8, in.readAllBytes());
        }
    }
}
