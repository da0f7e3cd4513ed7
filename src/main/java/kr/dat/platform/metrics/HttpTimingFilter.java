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
        registry.timer("dat.http.requests", "method", request.getMethod(), "route", route(),
                        "status", Integer.toString(response.getStatus()))
                .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private String route() {
        if (resource == null || resource.getResourceClass() == null) {
            return "unmatched";
        }
        jakarta.ws.rs.Path type = resource.getResourceClass().getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path method = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(jakarta.ws.rs.Path.class);
        return "/" + (type == null ? "" : type.value()) + (method == null ? "" : "/" + method.value());
    }
}
