package kr.dat.diagnosis;

/** The {@code diagnosistype} enum of the database. NONE exists there but cannot be started. */
public enum DiagnosisType {
    NONE, BALANCEBALL, FITBOX, TENNISBALL;

    /** Types a session can be started with. */
    public static final String STARTABLE = "BALANCEBALL|FITBOX|TENNISBALL";
}
