package kr.dat.result;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.dat.platform.config.Times;

/**
 * Finishes uploads that could not be stored at once (bucket unreachable, server restarted): every
 * few seconds, on every node; a lease makes sure each upload is worked by one node at a time.
 */
@Startup
@Singleton
@DependsOn("FlywayMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ResultRetryTimer {

    private static final Logger LOG = Logger.getLogger(ResultRetryTimer.class.getName());

    @Inject
    ResultRepository results;

    @Inject
    ResultPipeline pipeline;

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false, info = "result retry")
    void retry() {
        try {
            for (Integer id : results.duePending(Times.nowUtc(), 20)) {
                pipeline.process(id);
            }
            pipeline.dropStoredContent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Result retry run failed; the next run tries again", e);
        }
    }
}
