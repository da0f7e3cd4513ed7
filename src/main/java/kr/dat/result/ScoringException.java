package kr.dat.result;

/** The uploaded CSV cannot be scored; the message says why, for the doctor and the logs. */
public class ScoringException extends Exception {

    public ScoringException(String reason) {
        super(reason, null, false, false);
    }
}
