package kr.dat.diagnosis;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.dat.platform.metrics.Meters;

/** {@code dat_diagnoses_live}: READY/STARTED sessions, cluster-wide, read on each scrape. */
@ApplicationScoped
public class DiagnosisMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    DiagnosisRepository diagnoses;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the registry's own method (see RealtimeMetrics)
        registry.gauge("dat.diagnoses.live", Tags.empty(), this, DiagnosisMetrics::live);
    }

    @PreDestroy
    void unregister() {
        Meters.removeAll(registry, "dat.diagnoses.live");
    }

    /** NaN when the database does not answer (the scrape still succeeds). */
    private double live() {
        try {
            return diagnoses.countLive();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
