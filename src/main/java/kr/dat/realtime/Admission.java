package kr.dat.realtime;

/**
 * What the handshake decided about a headset socket, before the 101 was sent. An accepted socket
 * is already in presence (so a doctor's /start right after the open sees it) and has its
 * connection; a refused one is closed with {@link Outcome#closeCode()} as soon as it opens.
 */
record Admission(Outcome outcome, HeadsetConnection connection) {

    enum Outcome {
        ACCEPTED(1000, ""),
        /** A token was required or presented and does not match. */
        BAD_TOKEN(4001, "invalid headset token"),
        UNKNOWN_PATIENT(4004, "unknown patient code"),
        /** The patient's headset is in a live session and answers pings: it is not displaced. */
        BUSY(4009, "a headset is connected for this patient's live session"),
        /** Too many unknown codes, wrong tokens or connections from this address lately. */
        THROTTLED(4029, "too many attempts, try again later");

        private final int closeCode;
        private final String reason;

        Outcome(int closeCode, String reason) {
            this.closeCode = closeCode;
            this.reason = reason;
        }

        int closeCode() {
            return closeCode;
        }

        String reason() {
            return reason;
        }
    }

    static Admission refused(Outcome outcome) {
        return new Admission(outcome, null);
    }

    boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
