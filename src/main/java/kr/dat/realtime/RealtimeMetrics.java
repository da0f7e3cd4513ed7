package kr.dat.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import kr.dat.platform.metrics.Meters;

/** {@code dat_headsets_connected} and {@code dat_sse_streams}: what this node holds open. */
@ApplicationScoped
public class RealtimeMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    HeadsetRegistry headsets;

    @Inject
    StatusStreams streams;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the registry's own methods: WildFly's per-deployment registry wrapper exports what they
        // register, while meters built with Gauge.builder(...).register() did not appear in the scrape
        registry.gauge("dat.headsets.connected", Tags.empty(), headsets, HeadsetRegistry::openCount);
        registry.gauge("dat.sse.streams", Tags.empty(), streams, StatusStreams::streamCount);
    }

    /** A redeployed WAR registers its gauges again: the old ones (reading a dead deployment) must go. */
    @PreDestroy
    void unregister() {
        Meters.removeAll(registry, "dat.headsets.connected", "dat.sse.streams");
    }
}
