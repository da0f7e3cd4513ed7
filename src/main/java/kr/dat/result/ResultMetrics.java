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
 * them, cluster-wide), {@code dat_scoring_seconds} (scoring one CSV) and {@code dat_upload_seconds}
 * (an upload's message received → its session ended, when the first attempt finishes it).
 */
@ApplicationScoped
public class ResultMetrics {

    @Inject
    MeterRegistry registry;

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    private Timer scoring;
    private Timer uploadDone;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the registry's own methods (see RealtimeMetrics)
        scoring = registry.timer("dat.scoring");
        uploadDone = registry.timer("dat.upload");
        registry.gauge("dat.uploads.pending", Tags.empty(), this,
                m -> m.count("SELECT count(*) FROM result_uploads WHERE NOT done"));
    }

    /** A redeployed WAR registers its meters again: the old ones (reading a dead deployment) must go. */
    @PreDestroy
    void unregister() {
        Meters.removeAll(registry, "dat.scoring", "dat.upload", "dat.uploads.pending", "dat.uploads");
    }

    void upload(ResultPipeline.Receipt receipt) {
        registry.counter("dat.uploads", "outcome", receipt.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** A headset's message whole → its session COMPLETED or FAILED (committed), on the first attempt. */
    void uploadDone(long nanos) {
        if (uploadDone != null) {
            uploadDone.record(nanos, TimeUnit.NANOSECONDS);
        }
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
