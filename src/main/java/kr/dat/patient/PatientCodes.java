package kr.dat.patient;

import java.util.Set;

/**
 * Automatic patient codes {@code DDD-NNN}: DDD is the last three digits of the zero-padded doctor
 * id, NNN starts at the doctor's active-patient count and skips to the next free number (codes of
 * deleted patients stay taken).
 */
public final class PatientCodes {

    private PatientCodes() {
    }

    public static String prefix(int doctorId) {
        String padded = String.format("%03d", doctorId);
        return padded.substring(padded.length() - 3);
    }

    public static String next(int doctorId, long activeCount, Set<String> taken) {
        String prefix = prefix(doctorId);
        for (long n = activeCount; ; n++) {
            String code = prefix + "-" + String.format("%03d", n);
            if (!taken.contains(code)) {
                return code;
            }
        }
    }
}
