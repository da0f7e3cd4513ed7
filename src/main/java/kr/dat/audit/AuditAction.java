package kr.dat.audit;

/** What an audit event records. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    /** Refused while the account or the address was throttled. */
    LOGIN_REFUSED,
    PATIENT_CREATE,
    PATIENT_UPDATE,
    PATIENT_DELETE,
    HEADSET_PAIR,
    HEADSET_UNPAIR,
    SESSION_START,
    SESSION_CANCEL,
    RECORD_LIST,
    RECORD_METADATA,
    RECORD_FILE,
    /** A headset socket delivered a result (which socket, from where, paired or not). */
    RESULT_DELIVERED,
    AUDIT_READ
}
