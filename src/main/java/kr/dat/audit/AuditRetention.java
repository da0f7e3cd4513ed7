package kr.dat.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;
import kr.dat.platform.config.Times;

/** Once an hour, on every node (the delete is idempotent): drops audit events past the retention time. */
@Singleton
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    AuditWriter events;

    @Inject
    AppConfig config;

    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        try {
            int n = events.deleteBefore(Times.nowUtc().minusDays(config.auditRetentionDays()));
            if (n > 0) {
                LOG.info(() -> "Audit retention: " + n + " event(s) older than " + config.auditRetentionDays() + " days removed");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention run failed; retried next hour", e);
        }
    }
}
