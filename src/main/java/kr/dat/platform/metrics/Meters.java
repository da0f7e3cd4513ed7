package kr.dat.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;

/**
 * Removes this application's meters at undeploy. WildFly's Micrometer registry outlives the
 * deployment; a gauge left behind would read a dead deployment's objects (NaN) and block the new
 * deployment's gauge of the same name.
 */
public final class Meters {

    private Meters() {
    }

    public static void removeAll(MeterRegistry registry, String... names) {
        Set<String> wanted = Set.of(names);
        List<Meter> ours = registry.getMeters().stream().filter(m -> wanted.contains(m.getId().getName())).toList();
        ours.forEach(registry::remove);
    }
}
