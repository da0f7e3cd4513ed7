package kr.dat.platform.health;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import kr.dat.platform.rest.Jsonp;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code GET /api/health}: the readiness checks on the public port, in MicroProfile Health's shape
 * (the full MP Health endpoints stay on the management port, {@code :9990/health/ready}).
 */
@Path("health")
public class HealthResource {

    @Inject
    @Readiness
    DatabaseCheck database;

    @Inject
    @Readiness
    StorageCheck storage;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean up = true;
        JsonArrayBuilder checks = Jsonp.PROVIDER.createArrayBuilder();
        for (HealthCheck check : List.<HealthCheck>of(database, storage)) {
            HealthCheckResponse r = check.call();
            up &= r.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder data = Jsonp.PROVIDER.createObjectBuilder();
            r.getData().ifPresent(d -> d.forEach((k, v) -> data.add(k, String.valueOf(v))));
            checks.add(Jsonp.PROVIDER.createObjectBuilder().add("name", r.getName()).add("status", r.getStatus().name())
                    .add("data", data));
        }
        String body = Jsonp.PROVIDER.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks).build().toString();
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
