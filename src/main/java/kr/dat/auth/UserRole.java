package kr.dat.auth;

/** The {@code userrole} enum of the database. PATIENT exists in the old schema but the API never accepts it. */
public enum UserRole {
    NONE, DOCTOR, NURSE, PATIENT, STAFF;

    /** Roles a client may register with. */
    public static final String REGISTRABLE = "NONE|DOCTOR|NURSE|STAFF";
}
