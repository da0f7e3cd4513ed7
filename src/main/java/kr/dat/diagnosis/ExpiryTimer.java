package kr.dat.diagnosis;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Expires overdue live sessions every second, whether or not anyone watches them (the old server
 * expired them only inside a watched SSE stream). Every node runs it; the conditional update lets
 * exactly one node win each session.
 */
@Startup
@Singleton
@DependsOn("FlywayMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each run is DiagnosisService's own transaction
public class ExpiryTimer {

    private static final Logger LOG = Logger.getLogger(ExpiryTimer.class.getName());

    @Inject
    DiagnosisService diagnoses;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "diagnosis expiry")
    void expire() {
        try {
            diagnoses.expireOverdue(100);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiry run failed; the next run retries", e);
        }
    }
}
