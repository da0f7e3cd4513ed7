package kr.dat.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Pages for people: API docs ({@code /api/docs}: the headset protocol, then Swagger UI; {@code /api/redoc}),
 * the OpenAPI and AsyncAPI documents. The mock VR headset is a Faces view ({@code test/mock-vr.xhtml}).
 */
@Path("")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "docs", description = "Documentation pages and documents")
public class DocsResource {

    /** The Swagger UI webjar bundled in the WAR (pom.xml version.swagger.ui). */
    static final String SWAGGER_UI_VERSION = "5.34.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @GET
    @Path("docs")
    @Produces("text/html; charset=utf-8")
    public String docs() {
        return resource("META-INF/web/docs.html").replace("@SWAGGER_VERSION@", SWAGGER_UI_VERSION);
    }

    @GET
    @Path("redoc")
    @Produces("text/html; charset=utf-8")
    public String redoc() {
        return resource("META-INF/web/redoc.html");
    }

    /**
     * The OpenAPI document under the context root. MicroProfile OpenAPI publishes it at the server
     * root ({@code /openapi}); it is fetched from this very server over loopback.
     */
    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApiJson(@Context HttpServletRequest request) {
        return openApi(request, "JSON", MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public Response openApiYaml(@Context HttpServletRequest request) {
        return openApi(request, "YAML", "application/yaml");
    }

    private Response openApi(HttpServletRequest request, String format, String type) {
        String host = request.getLocalAddr().contains(":") ? "[" + request.getLocalAddr() + "]" : request.getLocalAddr();
        URI uri = URI.create(request.getScheme() + "://" + host + ":" + request.getLocalPort() + "/openapi?format=" + format);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Response.status(r.statusCode()).type(type + "; charset=utf-8").entity(r.body()).build();
        } catch (IOException e) {
            return Problem.response(503, "Service Unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.response(503, "Service Unavailable");
        }
    }

    @GET
    @Path("asyncapi.yaml")
    @Produces("application/yaml; charset=utf-8")
    public String asyncApi() {
        return resource("META-INF/asyncapi.yaml");
    }

    private static String resource(String name) {
        try (InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
