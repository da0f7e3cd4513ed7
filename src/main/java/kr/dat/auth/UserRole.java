package kr.dat.auth;

/** The {@code userrole} enum of the database. PATIENT exists in the old schema but the API never accepts it; ADMIN comes with V5. */
public enum UserRole {
    NONE, DOCTOR, NURSE, PATIENT, STAFF,
    /** Reads the audit trail. Never registered: promoted by SQL (docs/deployment.md). */
    ADMIN;

    /** Roles a client may register with. */
    public static final String REGISTRABLE = "NONE|DOCTOR|NURSE|STAFF";
}
