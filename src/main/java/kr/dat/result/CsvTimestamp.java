package kr.dat.result;


/**
 * {@code current_time} values: {@code yyyy-M-d H:m:s.f}, no zone, one- or two-digit fields, a
 * fraction of 1–6 digits, one or more spaces between date and time. Read into exact microseconds
 * since 1970-01-01 without regular expressions (this runs once per row).
 */
final class CsvTimestamp {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private CsvTimestamp() {
    }

    /** Seconds since the epoch as a double (exact microseconds / 1e6, rounded once), or NaN if malformed. */
    static double seconds(String s) {
        return seconds(s, 0, s.length());
    }

    /** {@link #seconds(String)} of {@code s[from, to)}. */
    static double seconds(String s, int from, int to) {
        long micros = micros(s, from, to);
        return micros == Long.MIN_VALUE ? Double.NaN : micros / 1e6;
    }

    /** Exact microseconds since 1970-01-01, or {@code Long.MIN_VALUE} if the text is malformed. */
    static long micros(String s) {
        return micros(s, 0, s.length());
    }

    static long micros(String s, int from, int to) {
        return micros(s, from, to, null);
    }

    /** {@link #micros(String, int, int)}; a valid time is also remembered in {@code last} (if any) up to its seconds. */
    private static long micros(String s, int from, int to, Sequence last) {
        int n = to;
        int[] pos = {from};
        int year = number(s, pos, n, 4, 4);
        if (year < 0 || !expect(s, pos, n, '-')) {
            return Long.MIN_VALUE;
        }
        int month = number(s, pos, n, 1, 2);
        if (month < 0 || !expect(s, pos, n, '-')) {
            return Long.MIN_VALUE;
        }
        int day = number(s, pos, n, 1, 2);
        if (day < 0 || pos[0] >= n || s.charAt(pos[0]) != ' ') {
            return Long.MIN_VALUE;
        }
        while (pos[0] < n && s.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
        int hour = number(s, pos, n, 1, 2);
        if (hour < 0 || !expect(s, pos, n, ':')) {
            return Long.MIN_VALUE;
        }
        int minute = number(s, pos, n, 1, 2);
        if (minute < 0 || !expect(s, pos, n, ':')) {
            return Long.MIN_VALUE;
        }
        int secondsAt = pos[0];
        long secondMicros = secondsAndFraction(s, secondsAt, n);
        if (secondMicros < 0 || hour > 23 || minute > 59) {
            return Long.MIN_VALUE;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        long minuteMicros = epochDay(year, month, day) * MICROS_PER_DAY + (hour * 60L + minute) * 60_000_000L;
        if (last != null) {
            last.remember(s, from, secondsAt - from, minuteMicros);
        }
        return minuteMicros + secondMicros;
    }

    /** {@code s.f} from {@code from} to exactly {@code to} (1–2 digits up to 59, a point, 1–6 digits) in microseconds, or −1. */
    private static long secondsAndFraction(String s, int from, int to) {
        int[] pos = {from};
        int second = number(s, pos, to, 1, 2);
        if (second < 0 || !expect(s, pos, to, '.')) {
            return -1;
        }
        int fracStart = pos[0];
        int frac = number(s, pos, to, 1, 6);
        if (frac < 0 || pos[0] != to || second > 59) {
            return -1;
        }
        for (int digits = pos[0] - fracStart; digits < 6; digits++) {
            frac *= 10;
        }
        return second * 1_000_000L + frac;
    }

    /**
     * The times of one file, read in row order. Consecutive rows nearly always share their date,
     * hour and minute: a time whose text up to its seconds is exactly that of the last one read in
     * full has the same (valid) fields, so only its seconds and fraction are read.
     */
    static final class Sequence {
        private String text;
        private int from;
        private int length = -1;
        private long minuteMicros;

        /** As {@link CsvTimestamp#seconds(String, int, int)}. */
        double seconds(String s, int start, int end) {
            if (s == text && end - start > length && length > 0 && s.regionMatches(start, s, from, length)) {
                long rest = secondsAndFraction(s, start + length, end);
                if (rest >= 0) {
                    return (minuteMicros + rest) / 1e6;
                }
            }
            long micros = micros(s, start, end, this);
            return micros == Long.MIN_VALUE ? Double.NaN : micros / 1e6;
        }

        private void remember(String s, int start, int prefix, long micros) {
            text = s;
            from = start;
            length = prefix;
            minuteMicros = micros;
        }
    }

    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    static int lengthOfMonth(int year, int month) {
        return month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : DAYS[month - 1];
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date, by arithmetic (no LocalDate per row). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year; // the year counted from March, so that February comes last
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int number(String s, int[] pos, int n, int min, int max) {
        int i = pos[0];
        int v = 0;
        int count = 0;
        while (i < n && count < max) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
            count++;
        }
        if (count < min) {
            return -1;
        }
        pos[0] = i;
        return v;
    }

    private static boolean expect(String s, int[] pos, int n, char c) {
        if (pos[0] < n && s.charAt(pos[0]) == c) {
            pos[0]++;
            return true;
        }
        return false;
    }
}
