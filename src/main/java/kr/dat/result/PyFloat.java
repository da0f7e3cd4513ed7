package kr.dat.result;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;

/**
 * Writes doubles the way the old server's files show them (Python's {@code repr}): the shortest
 * digits that read back as the same double, {@code 0.0}, {@code 1.5}, {@code 4.930422e-05},
 * {@code 1e+16}.
 *
 * <p>The digits: a value that some decimal of at most 15 significant digits reads as (every
 * number the headset wrote, most derived ones) is found with two exact floating-point operations
 * — such a decimal is unique, so it is the shortest. Else the nearest 16-digit decimal, then the
 * nearest 17-digit one, is checked in exact 128-bit integer arithmetic; what that cannot decide
 * (subnormals, powers of two, extreme exponents) goes to the Schubfach algorithm in jackson-core
 * (WildFly's module), which, unlike JDK 17's {@link Double#toString}, always gives the shortest
 * digits. The digits go straight into the output's bytes.
 */
final class PyFloat {

    /** Exact powers of ten (every one up to 10^22 is a double). */
    private static final double[] POW10 = new double[23];
    private static final long FIFTEEN_DIGITS = 100_000_000_000_000L;
    private static final long[] LONG_POW10 = new long[19];
    /** The tens and the ones digit of 0–99, as ASCII. */
    static final byte[] TENS = new byte[100];
    static final byte[] ONES = new byte[100];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
        long l = 1;
        for (int i = 0; i < LONG_POW10.length; i++) {
            LONG_POW10[i] = l;
            l *= 10;
        }
    }

    private PyFloat() {
    }

    /** The decimal exponent: {@code 10^(decpt−1) ≤ a < 10^decpt}, by table for the usual range. */
    static int decimalPoint(double a) {
        if (a >= 1 && a < 1e22) {
            int d = 1;
            while (a >= POW10[d]) {
                d++;
            }
            return d;
        }
        if (a < 1 && a >= 1e-22) {
            int d = 0;
            while (d > -21 && a * POW10[-d + 1] < 1) { // a × 10^(1−d) < 1 ⇔ a < 10^(d−1); the product may round, the paths check
                d--;
            }
            return d;
        }
        return (int) Math.floor(Math.log10(a)) + 1;
    }

    /** 10^k for 0 ≤ k ≤ 22, exactly. */
    static double pow10(int k) {
        return POW10[k];
    }

    /** 10^k for 0 ≤ k ≤ 18, exactly. */
    static long longPow10(int k) {
        return LONG_POW10[k];
    }

    static String repr(double d) {
        byte[] buf = new byte[MAX_LENGTH];
        return new String(buf, 0, format(d, buf, 0, new byte[20]), StandardCharsets.ISO_8859_1);
    }

    /** The longest text {@link #format} writes ({@code -1.2345678901234567e-308}). */
    static final int MAX_LENGTH = 32;

    /**
     * Python's repr of {@code d} as ASCII bytes into {@code buf} from {@code at} (room for
     * {@link #MAX_LENGTH} needed), using {@code digits} (20 bytes) as scratch; returns the end.
     */
    static int format(double d, byte[] buf, int at, byte[] digits) {
        if (Double.isNaN(d)) {
            return put(buf, at, "nan");
        }
        if (Double.isInfinite(d)) {
            return put(buf, at, d > 0 ? "inf" : "-inf");
        }
        if (d == 0) {
            return put(buf, at, 1 / d < 0 ? "-0.0" : "0.0");
        }
        double a = Math.abs(d);
        int decpt = decimalPoint(a); // exact within 10^±22; an estimate beyond, which each path checks
        long packed = fifteenDigits(a, decpt, digits);
        if (packed == Long.MIN_VALUE) {
            packed = sixteenOrSeventeenDigits(a, decpt, digits);
        }
        if (packed == Long.MIN_VALUE) {
            packed = schubfach(a, digits);
        }
        int count = (int) (packed >>> 32);
        decpt = (int) packed; // value = 0.digits × 10^decpt
        int n = at;
        if (d < 0) {
            buf[n++] = '-';
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                buf[n++] = '0';
                buf[n++] = '.';
                for (int i = 0; i < -decpt; i++) {
                    buf[n++] = '0';
                }
                System.arraycopy(digits, 0, buf, n, count);
                n += count;
            } else if (decpt >= count) {
                System.arraycopy(digits, 0, buf, n, count);
                n += count;
                for (int i = count; i < decpt; i++) {
                    buf[n++] = '0';
                }
                buf[n++] = '.';
                buf[n++] = '0';
            } else {
                System.arraycopy(digits, 0, buf, n, decpt);
                n += decpt;
                buf[n++] = '.';
                System.arraycopy(digits, decpt, buf, n, count - decpt);
                n += count - decpt;
            }
            return n;
        }
        buf[n++] = digits[0];
        if (count > 1) {
            buf[n++] = '.';
            System.arraycopy(digits, 1, buf, n, count - 1);
            n += count - 1;
        }
        int e = decpt - 1;
        buf[n++] = 'e';
        buf[n++] = (byte) (e < 0 ? '-' : '+');
        int abs = Math.abs(e);
        if (abs < 10) {
            buf[n++] = '0';
        }
        return put(buf, n, Integer.toString(abs));
    }

    /**
     * The digits of {@code a} (positive, finite) if a decimal of 15 significant digits reads as it:
     * {@code count << 32 | decpt}, or {@code Long.MIN_VALUE}. The candidate {@code m × 10^-k} is
     * checked by one division, which is exact-rounded because {@code m < 2^53} and {@code 10^k} is
     * a double (Clinger's fast path): so the check is exactly what reading the decimal would give.
     */
    static long fifteenDigits(double a, byte[] digits) {
        return fifteenDigits(a, decimalPoint(a), digits);
    }

    private static long fifteenDigits(double a, int decpt, byte[] digits) {
        int k = 15 - decpt;
        if (k < 0 || k >= POW10.length) {
            return Long.MIN_VALUE;
        }
        long m = Math.round(a * POW10[k]);
        if (m < FIFTEEN_DIGITS || m >= 10 * FIFTEEN_DIGITS || m / POW10[k] != a) {
            return Long.MIN_VALUE; // log10 was off by one near a power of ten, or more digits are needed
        }
        return digitsOf(m, 15, decpt, digits);
    }

    /**
     * The {@code n} digits of {@code m} (15 to 17) without its trailing zeros, packed with
     * {@code decpt}. In groups of eight and four and pairs, so that the divisions (by constants:
     * multiplications) do not wait on each other.
     */
    private static long digitsOf(long m, int n, int decpt, byte[] digits) {
        long high = m / 100_000_000L; // 7 to 9 digits
        int low = (int) (m - high * 100_000_000L);
        int top = (int) (high / 100_000_000L); // 0 to 9
        int middle = (int) (high - top * 100_000_000L);
        int at = n - 16; // where the middle eight start: -1 for 15 digits (its first digit is a leading 0)
        if (at >= 0) {
            digits[0] = (byte) ('0' + top);
            eight(middle, digits, at);
        } else {
            int head = middle / 10_000;
            int pair = head / 100;
            digits[0] = ONES[pair];
            int rest = head - pair * 100;
            digits[1] = TENS[rest];
            digits[2] = ONES[rest];
            four(middle - head * 10_000, digits, 3);
        }
        eight(low, digits, n - 8);
        int count = n;
        while (count > 1 && digits[count - 1] == '0') {
            count--;
        }
        return (long) count << 32 | (decpt & 0xFFFFFFFFL);
    }

    /** {@code v} (below 10^8) as eight digits at {@code at}. */
    private static void eight(int v, byte[] digits, int at) {
        int high = v / 10_000;
        four(high, digits, at);
        four(v - high * 10_000, digits, at + 4);
    }

    /** {@code v} (below 10^4) as four digits at {@code at}. */
    private static void four(int v, byte[] digits, int at) {
        int high = v / 100;
        int low = v - high * 100;
        digits[at] = TENS[high];
        digits[at + 1] = ONES[high];
        digits[at + 2] = TENS[low];
        digits[at + 3] = ONES[low];
    }

    /**
     * When no 15-digit decimal reads as {@code a}: the nearest 16-digit decimal if it reads as
     * {@code a}, else the nearest 17-digit one (which always does) — the shortest, and of those
     * the closest, as Python chooses. In exact integer arithmetic on {@code a = f × 2^-s}: the
     * nearest n-digit decimal is {@code N = round(f × 10^k / 2^s)}, and it reads as {@code a}
     * when it lies within half an ulp, {@code 2 × |N × 2^s − f × 10^k| < 10^k} (equal allowed
     * for an even {@code f}, as reading rounds half to even). Only where every quantity fits in
     * 128 bits ({@code k ≤ 18}, {@code 1 ≤ s ≤ 120}) and the interval is symmetric (not a power
     * of two); elsewhere {@code Long.MIN_VALUE}.
     */
    static long sixteenOrSeventeenDigits(double a, int decpt, byte[] digits) {
        long bits = Double.doubleToRawLongBits(a);
        int biased = (int) (bits >>> 52) & 0x7FF;
        long fraction = bits & ((1L << 52) - 1);
        if (biased == 0 || fraction == 0) {
            return Long.MIN_VALUE; // subnormal, or a power of two (a narrower interval below)
        }
        long f = fraction | (1L << 52);
        int s = 1075 - biased; // a = f × 2^-s
        if (s < 1 || s > 120) {
            return Long.MIN_VALUE;
        }
        for (int n = 16; n <= 17; n++) {
            int k = n - decpt;
            if (k < 0 || k > 18) {
                return Long.MIN_VALUE;
            }
            long p10 = LONG_POW10[k];
            long pLo = f * p10; // P = f × 10^k, 128 bits (both factors below 2^63)
            long pHi = Math.multiplyHigh(f, p10);
            long q; // floor(P / 2^s)
            long rHi; // P mod 2^s
            long rLo;
            if (s >= 64) {
                q = pHi >>> (s - 64);
                rHi = s == 64 ? 0 : pHi & ((1L << (s - 64)) - 1);
                rLo = pLo;
            } else {
                q = (pLo >>> s) | (pHi << (64 - s));
                rHi = 0;
                rLo = pLo & ((1L << s) - 1);
            }
            // half = 2^(s-1); round P / 2^s to nearest, ties to even
            long hHi = s - 1 >= 64 ? 1L << (s - 65) : 0;
            long hLo = s - 1 >= 64 ? 0 : 1L << (s - 1);
            int vsHalf = compare(rHi, rLo, hHi, hLo);
            boolean up = vsHalf > 0 || (vsHalf == 0 && (q & 1) == 1);
            long distHi;
            long distLo;
            if (up) { // dist = 2^s − r
                long twoHi = s >= 64 ? 1L << (s - 64) : 0;
                long twoLo = s >= 64 ? 0 : 1L << s;
                distLo = twoLo - rLo;
                distHi = twoHi - rHi - (Long.compareUnsigned(twoLo, rLo) < 0 ? 1 : 0);
                q++;
            } else {
                distHi = rHi;
                distLo = rLo;
            }
            if (q < LONG_POW10[n - 1] || q >= LONG_POW10[n]) {
                return Long.MIN_VALUE; // the estimate of decpt was off
            }
            if (distHi == 0 && distLo >= 0 && distLo < (1L << 61)) {
                long twice = 2 * distLo;
                if (twice < p10 || (twice == p10 && (f & 1) == 0)) {
                    return digitsOf(q, n, decpt, digits);
                }
            }
        }
        return Long.MIN_VALUE; // unreachable: 17 digits always read back
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    /** The shortest digits by Schubfach, read off its Java-style text ({@code 1.2345E-5}, {@code 123.45}). */
    private static long schubfach(double a, byte[] digits) {
        String s = NumberOutput.toString(a, true);
        int count = 0;
        int intDigits = 0;
        boolean seenPoint = false;
        int exp = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                seenPoint = true;
            } else if (c == 'E') {
                exp = Integer.parseInt(s, i + 1, s.length(), 10);
                break;
            } else if (count == 0 && c == '0') { // a leading zero shifts the point instead
                if (seenPoint) {
                    intDigits--;
                }
            } else {
                digits[count++] = (byte) c;
                if (!seenPoint) {
                    intDigits++;
                }
            }
        }
        while (count > 1 && digits[count - 1] == '0') {
            count--;
        }
        int decpt = intDigits + exp;
        if (count == 2) {
            return oneDigit(a, digits, decpt);
        }
        return (long) count << 32 | (decpt & 0xFFFFFFFFL);
    }

    /**
     * Java's rule (and so Schubfach's in jackson-core) writes at least two digits, and takes the
     * closest two-digit decimal where one digit would do: 4.9e-324 where Python writes 5e-324 (only
     * the smallest subnormals come here). Of the one-digit neighbours of {@code 0.d1d2 × 10^decpt}
     * that read back as {@code a}, the closer; else the two digits as they are.
     */
    private static long oneDigit(double a, byte[] digits, int decpt) {
        int two = (digits[0] - '0') * 10 + digits[1] - '0';
        int down = two / 10;
        int up = down + 1; // 10 means 1 with the point one place on
        boolean downReads = down > 0 && Double.parseDouble(down + "e" + (decpt - 1)) == a;
        boolean upReads = Double.parseDouble(up + "e" + (decpt - 1)) == a;
        if (!downReads && !upReads) {
            return 2L << 32 | (decpt & 0xFFFFFFFFL);
        }
        boolean takeUp = upReads && (!downReads || two % 10 >= 5);
        int digit = takeUp ? up : down;
        if (digit == 10) {
            digits[0] = '1';
            return 1L << 32 | ((decpt + 1) & 0xFFFFFFFFL);
        }
        digits[0] = (byte) ('0' + digit);
        return 1L << 32 | (decpt & 0xFFFFFFFFL);
    }

    private static int put(byte[] buf, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[at + i] = (byte) s.charAt(i);
        }
        return at + s.length();
    }
}
