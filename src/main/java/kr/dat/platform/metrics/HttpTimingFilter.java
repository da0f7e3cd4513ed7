package kr.dat.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code dat_http_requests_seconds{method, route, status}}: latency per endpoint, by the route
 * template (never the concrete path, so ids do not multiply the series).
 */
@Provider
@PreMatching // also times requests that the token check or validation turn away
public class HttpTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String START = HttpTimingFilter.class.getName() + ".start";

    @Inject
    MeterRegistry registry;

    @Context
    ResourceInfo resource;

    /**
     * The timers by what names them, so a request looks its timer up in one map instead of
     * building its tags and asking the registry (a read costs a few of those per millisecond).
     */
    private final java.util.concurrent.ConcurrentMap<Key, io.micrometer.core.instrument.Timer> timers =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        if (!(start instanceof Long t0)) {
            return;
        }
        Class<?> type = resource == null ? null : resource.getResourceClass();
        java.lang.reflect.Method method = type == null ? null : resource.getResourceMethod();
        Key key = new Key(type, method, request.getMethod(), response.getStatus());
        timers.computeIfAbsent(key, k -> registry.timer("dat.http.requests", "method", k.httpMethod(), "route", k.route(),
                        "status", Integer.toString(k.status())))
                .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private record Key(Class<?> type, java.lang.reflect.Method method, String httpMethod, int status) {

        String route() {
            if (type == null) {
                return "unmatched";
            }
            jakarta.ws.rs.Path onType = type.getAnnotation(jakarta.ws.rs.Path.class);
            jakarta.ws.rs.Path onMethod = method == null ? null : method.getAnnotation(jakarta.ws.rs.Path.class);
            return "/" + (onType == null ? "" : onType.value()) + (onMethod == null ? "" : "/" + onMethod.value());
        }
    }
}
