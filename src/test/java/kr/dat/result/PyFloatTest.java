package kr.dat.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PyFloatTest {

    @Test
    void formatsLikePythonRepr() {
        assertEquals("0.0", PyFloat.repr(0.0));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("1.5", PyFloat.repr(1.5));
        assertEquals("60.0", PyFloat.repr(60.0));
        assertEquals("4.930422e-05", PyFloat.repr(4.930422E-05));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("0.0001", PyFloat.repr(1e-4));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1000000000000000.0", PyFloat.repr(1e15));
        assertEquals("0.0690000057220459", PyFloat.repr(0.0690000057220459));
        assertEquals("2.9089999198913574", PyFloat.repr(2.9089999198913574));
        assertEquals("-123.456", PyFloat.repr(-123.456));
        assertEquals("0.9999999999999998", PyFloat.repr(0.9999999999999998));
        assertEquals("1.2345678901234567e+20", PyFloat.repr(1.2345678901234567e20));
        // the smallest subnormals, where Java's Double.toString keeps two digits and Python one
        assertEquals("5e-324", PyFloat.repr(Double.MIN_VALUE));
        assertEquals("1e-323", PyFloat.repr(2 * Double.MIN_VALUE));
        assertEquals("1.5e-323", PyFloat.repr(3 * Double.MIN_VALUE));
        assertEquals("1e-322", PyFloat.repr(20 * Double.MIN_VALUE));
        assertEquals("nan", PyFloat.repr(Double.NaN));
        assertEquals("-inf", PyFloat.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void alwaysReadsBackAsTheSameDouble() {
        Random r = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertEquals(d, Double.parseDouble(PyFloat.repr(d)), () -> "" + d);
        }
    }

    /** The digits are the shortest (Schubfach's, as jackson-core computes them), on both paths. */
    @Test
    void theFastPathGivesTheShortestDigitsToo() {
        Random r = new Random(7);
        byte[] digits = new byte[20];
        int fast = 0;
        int exact = 0;
        for (int i = 0; i < 300_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
                case 1 -> Double.parseDouble((r.nextInt(2000) - 1000) + "." + r.nextInt(10_000_000)); // headset-like
                case 2 -> (r.nextLong(1_000_000_000_000L) / 1e6) - (r.nextLong(1_000_000L) / 1e6); // time differences
                default -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20);
            };
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            String ours = PyFloat.repr(d);
            assertEquals(d, Double.parseDouble(ours), ours);
            String shortest = com.fasterxml.jackson.core.io.NumberOutput.toString(Math.abs(d), true);
            assertEquals(significant(shortest), significant(ours), () -> d + ": " + ours + " vs " + shortest);
            double a = Math.abs(d);
            if (PyFloat.fifteenDigits(a, digits) != Long.MIN_VALUE) {
                fast++;
            } else if (PyFloat.sixteenOrSeventeenDigits(a, (int) Math.floor(Math.log10(a)) + 1, digits) != Long.MIN_VALUE) {
                exact++;
            }
        }
        assertTrue(fast > 100_000, "the 15-digit path was taken " + fast + " times");
        assertTrue(exact > 50_000, "the 16/17-digit path was taken " + exact + " times");
    }

    /** Subnormals: read back, never longer than Schubfach's digits, the same where those have three or more. */
    @Test
    void subnormalsAreShortestToo() {
        for (int i = 1; i <= 5000; i++) {
            double d = i * Double.MIN_VALUE;
            String ours = PyFloat.repr(d);
            assertEquals(d, Double.parseDouble(ours), ours);
            String theirs = significant(com.fasterxml.jackson.core.io.NumberOutput.toString(d, true));
            String mine = significant(ours);
            assertTrue(mine.length() <= theirs.length(), () -> d + ": " + ours + " vs " + theirs);
            if (theirs.length() >= 3) {
                assertEquals(theirs, mine, () -> d + ": " + ours);
            }
        }
    }

    /** The significant digits of a decimal text, without sign, point, exponent or leading/trailing zeros. */
    private static String significant(String s) {
        int e = s.toLowerCase().indexOf('e');
        String mantissa = (e < 0 ? s : s.substring(0, e)).replace("-", "").replace(".", "");
        return mantissa.replaceAll("^0+", "").replaceAll("0+$", "");
    }

    /**
     * A position part kept as its digits ({@code ±m / 10^k}) is written back from them where they
     * are the repr: the judgement must be exact both ways, and the digits written must be the value's.
     */
    @Test
    void partsJudgedToBeReprAreWrittenAsExactlyTheRepr() {
        Random r = new Random(3);
        int judged = 0;
        for (int i = 0; i < 300_000; i++) {
            boolean negative = r.nextBoolean();
            int m = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(1000);
                case 1 -> r.nextInt(1 << 26) / 10 * 10; // a trailing zero
                default -> r.nextInt(1 << 26);
            };
            int k = r.nextInt(3) == 0 ? 1 + r.nextInt(22) : 1 + r.nextInt(9);
            double value = m / PyFloat.pow10(k);
            if (negative) {
                value = -value;
            }
            Utf8Writer out = new Utf8Writer(64);
            out.appendDecimal(negative, m, k);
            String written = out.toString();
            assertEquals(value, Double.parseDouble(written), written);
            assertEquals(k, written.length() - written.indexOf('.') - 1, written);
            boolean repr = PyFloat.repr(value).equals(written);
            assertEquals(repr, ResultScorer.Positions.isRepr(m, k), () -> m + " / 10^" + k + " written " + written);
            judged += repr ? 1 : 0;
        }
        assertTrue(judged > 50_000, "judged " + judged);
    }
}
