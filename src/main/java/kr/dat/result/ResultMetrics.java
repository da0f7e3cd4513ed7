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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.dat.platform.metrics.Meters;

/**
 * {@code dat_uploads_total{outcome}}, {@code dat_uploads_pending} (results held until storage takes
 * them, cluster-wide), {@code dat_scoring_seconds} (scoring one CSV), {@code dat_upload_seconds}
 * (an upload's message received → its session ended, when the first attempt finishes it) and
 * {@code dat_upload_phase_seconds{phase}}: where that time went, phase by phase (see {@link Phase}).
 */
@ApplicationScoped
public class ResultMetrics {

    @Inject
    MeterRegistry registry;

    @PersistenceContext(unitName = "dat")
    EntityManager em;

    /** The steps of a first attempt, one after the other; together they make {@code dat_upload_seconds}. */
    public enum Phase {
        /** Message whole → the upload handed to the pipeline: waiting for the socket's turn, JSON decoding. */
        DECODE,
        /** The live-session check and the durable claim's transaction (scoring and both puts run beside it). */
        CLAIM,
        /** Claim committed → scoring done (zero when scoring finished first). */
        SCORING,
        /** Scored → both files in the bucket: what the puts, begun beside the claim, still needed after it. */
        STORE,
        /** The transaction that makes the record and ends the session. */
        RECORD
    }

    private Timer scoring;
    private Timer uploadDone;
    private final Map<Phase, Timer> phases = new EnumMap<>(Phase.class);

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the registry's own methods (see RealtimeMetrics)
        scoring = registry.timer("dat.scoring");
        uploadDone = registry.timer("dat.upload");
        for (Phase p : Phase.values()) {
            phases.put(p, registry.timer("dat.upload.phase", "phase", p.name().toLowerCase(Locale.ROOT)));
        }
        registry.gauge("dat.uploads.pending", Tags.empty(), this,
                m -> m.count("SELECT count(*) FROM result_uploads WHERE NOT done"));
    }

    /** A redeployed WAR registers its meters again: the old ones (reading a dead deployment) must go. */
    @PreDestroy
    void unregister() {
        Meters.removeAll(registry, "dat.scoring", "dat.upload", "dat.upload.phase", "dat.uploads.pending", "dat.uploads");
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

    void phase(Phase phase, long nanos) {
        Timer t = phases.get(phase);
        if (t != null) {
            t.record(nanos, TimeUnit.NANOSECONDS);
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
