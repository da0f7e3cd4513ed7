package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.dat.devstack.DevStackSessionListener;
import kr.dat.devstack.WildFlyProcess;
import org.junit.jupiter.api.Test;

/** Secure by default: outside dev mode the application refuses to deploy with the published secrets. */
class ProductionSafetyIT {

    @Test
    void productionWithDefaultSecretsDoesNotDeploy() throws Exception {
        Path base = Files.createTempDirectory("dat-prod-");
        List<String> props = new ArrayList<>(DevStackSessionListener.stack().serverProperties());
        props.add("-DENV=production"); // SECRET_KEY and ADMIN_CODE left at their defaults
        try (WildFlyProcess server = WildFlyProcess.start(Path.of(System.getProperty("jboss.home")), base, 400,
                Path.of(System.getProperty("dat.war")), props, false)) {
            Path log = base.resolve("console.log");
            String text = server.awaitLog(log, "WFLYSRV0026", java.time.Duration.ofMinutes(3)); // started with errors
            assertTrue(text.contains("Refusing to start with an unsafe configuration"), "the reason is logged");
            assertTrue(text.contains("SECRET_KEY is the published default") && text.contains("ADMIN_CODE is the published default"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.apiBase()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), "no application is served");
        }
    }
}
