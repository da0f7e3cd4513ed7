package kr.dat.result;

/**
 * Writes doubles the way the old server's files show them (Python's {@code repr}): {@code 0.0},
 * {@code 1.5}, {@code 4.930422e-05}, {@code 1e+16}. The digits come from {@link Double#toString},
 * so the text always reads back as the same double.
 */
final class PyFloat {

    private PyFloat() {
    }

    static String repr(double d) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, d);
        return sb.toString();
    }

    static void append(StringBuilder out, double d) {
        if (Double.isNaN(d)) {
            out.append("nan");
            return;
        }
        if (Double.isInfinite(d)) {
            out.append(d > 0 ? "inf" : "-inf");
            return;
        }
        if (d == 0) {
            out.append(1 / d < 0 ? "-0.0" : "0.0");
            return;
        }
        String s = Double.toString(Math.abs(d));
        // s is "ddd.ddd" or "d.dddE[-]x": collect the significant digits and the decimal exponent
        char[] digits = new char[s.length()];
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
            } else {
                if (count == 0 && c == '0') { // leading zero: shifts the point instead
                    if (!seenPoint) {
                        continue;
                    }
                    intDigits--;
                    continue;
                }
                digits[count++] = c;
                if (!seenPoint) {
                    intDigits++;
                }
            }
        }
        while (count > 1 && digits[count - 1] == '0') {
            count--;
        }
        int decpt = intDigits + exp; // value = 0.digits * 10^decpt
        if (d < 0) {
            out.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.");
                for (int i = 0; i < -decpt; i++) {
                    out.append('0');
                }
                out.append(digits, 0, count);
            } else if (decpt >= count) {
                out.append(digits, 0, count);
                for (int i = count; i < decpt; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, count - decpt);
            }
        } else {
            out.append(digits[0]);
            if (count > 1) {
                out.append('.').append(digits, 1, count - 1);
            }
            int e = decpt - 1;
            out.append('e').append(e < 0 ? '-' : '+');
            int abs = Math.abs(e);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        }
    }
}
