package kr.dat.scoring;

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
        int ePos = s.indexOf('E');
        String mantissa = ePos < 0 ? s : s.substring(0, ePos);
        int exp = ePos < 0 ? 0 : Integer.parseInt(s.substring(ePos + 1));
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String fracPart = mantissa.substring(dot + 1);
        String digits = intPart + fracPart;
        int pointPos = intPart.length() + exp; // decimal point position within digits
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        pointPos -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        int decpt = pointPos; // value = 0.digits * 10^decpt

        if (d < 0) {
            out.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                out.append("0.");
                for (int i = 0; i < -decpt; i++) {
                    out.append('0');
                }
                out.append(digits);
            } else if (decpt >= digits.length()) {
                out.append(digits);
                for (int i = digits.length(); i < decpt; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
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
