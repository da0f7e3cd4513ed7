package kr.dat.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.dat.storage.ObjectStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the result bucket answers. A server whose bucket is away still accepts uploads
 * (kept in PostgreSQL until it is back), so this is reported, and a balancer may keep the node.
 */
@Readiness
@ApplicationScoped
public class StorageCheck implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        var r = HealthCheckResponse.named("storage").withData("bucket", store.bucket());
        return (store.reachable() ? r.up() : r.down()).build();
    }
}
