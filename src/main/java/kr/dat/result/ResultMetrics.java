package kr.dat.result;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import kr.dat.platform.metrics.Meters;

/**
 * {@code dat_uploads_total{outcome}}, {@code dat_uploads_pending} (results held until storage takes
 * them, cluster-wide) and {@code dat_scoring_seconds} (scoring one CSV).
 */
@ApplicationScoped
public class ResultMetrics {

    @Inject
    MeterRegistry registry;

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    private Timer scoring;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the registry's own methods (see RealtimeMetrics)
        scoring = registry.timer("dat.scoring");
        registry.gauge("dat.uploads.pending", Tags.empty(), this,
                m -> m.count("SELECT count(*) FROM result_uploads WHERE NOT done"));
    }

    /** A redeployed WAR registers its meters again: the old ones (reading a dead deployment) must go. */
    @PreDestroy
    void unregister() {
        Meters.removeAll(registry, "dat.scoring", "dat.uploads.pending", "dat.uploads");
    }

    void upload(ResultPipeline.Receipt receipt) {
        registry.counter("dat.uploads", "outcome", receipt.name().toLowerCase(Locale.ROOT)).increment();
    }

    void scored(long nanos) {
        if (scoring != null) {
            scoring.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** On each scrape; NaN when the database does not answer (the scrape still succeeds). */
    private double count(String sql) {
        try {
            return ((Number) em.createNativeQuery(sql).getSingleResult()).doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
