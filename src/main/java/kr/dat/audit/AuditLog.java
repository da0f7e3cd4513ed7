package kr.dat.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.rest.RequestOrigin;

/**
 * Records audit events, each in a transaction of its own ({@link AuditWriter}): a failed login is
 * recorded although the login's transaction rolls back. Never CSV content, names or secrets: ids, an action, a short
 * detail. A failure to write is logged loudly and does not fail the request.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @Inject
    AuditWriter writer;

    @Inject
    RequestOrigin origin;

    /** An event of the current API request: its user, address and User-Agent. */
    public void request(AuditAction action, Integer patientId, Integer diagnosisId, String detail) {
        String address = null;
        String userAgent = null;
        Integer userId = null;
        try {
            address = origin.address();
            userAgent = origin.userAgent();
            userId = origin.userId();
        } catch (ContextNotActiveException outsideARequest) {
            // a timer or the headset socket: no request origin
        }
        write(action, userId, null, patientId, diagnosisId, address, userAgent, detail);
    }

    /** A login attempt: the user when known, the login id as typed. */
    public void login(AuditAction action, Integer userId, String loginId) {
        write(action, userId, loginId, null, null, origin.address(), origin.userAgent(), null);
    }

    /** An event of a headset socket (no user: the headset's address and User-Agent). */
    public void headset(AuditAction action, int patientId, Integer diagnosisId, String address, String userAgent,
                        String detail) {
        write(action, null, null, patientId, diagnosisId, address, userAgent, detail);
    }

    private void write(AuditAction action, Integer userId, String loginId, Integer patientId, Integer diagnosisId,
                       String address, String userAgent, String detail) {
        try {
            writer.insert(action.name(), userId, clip(loginId, 50), patientId, diagnosisId, clip(address, 45),
                    clip(userAgent, 255), clip(detail, 255));
        } catch (RuntimeException e) { // outside the writer's transaction: the caller's own is untouched
            LOG.log(Level.SEVERE, "Audit event " + action + " could not be written (user " + userId + ", patient "
                    + patientId + ", diagnosis " + diagnosisId + ")", e);
        }
    }

    /** Cuts to the column width; NULs (which PostgreSQL text cannot hold) become U+FFFD. */
    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
