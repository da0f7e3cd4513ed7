package kr.dat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The pages and documents for people: docs, OpenAPI, AsyncAPI, the mock headset, health. */
class DocsIT extends ApiIT {

    @Test
    void docsPageShowsTheWebSocketProtocolAndLoadsSwaggerUiFromTheWar() {
        Api.Reply docs = api.get("docs", null);
        assertEquals(200, docs.status());
        assertTrue(docs.header("Content-Type").startsWith("text/html"));
        for (String action : new String[] {"s_start_diagnosis", "s_stop_diagnosis", "s_force_disconnect",
                "c_diagnosis_started", "c_diagnosis_failed", "c_upload_result", "4004"}) {
            assertTrue(docs.body().contains(action), action);
        }
        assertTrue(docs.body().contains("webjars/swagger-ui/"));
        Api.Reply js = api.get("webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", null);
        assertEquals(200, js.status(), "Swagger UI is served by the WAR, no CDN");
        assertTrue(js.body().length() > 100_000);
    }

    @Test
    void redocPageIsServedWithItsScript() {
        Api.Reply page = api.get("redoc", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("spec-url=\"openapi.json\""));
        assertEquals(200, api.get("webjars/redoc/2.5.1/redoc.standalone.js", null).status());
    }

    @Test
    void openApiDocumentListsTheRoutes() {
        Api.Reply r = api.get("openapi.json", null);
        assertEquals(200, r.status(), r.body());
        JsonObject doc = r.json();
        JsonObject paths = doc.getJsonObject("paths");
        String all = paths.keySet().toString();
        for (String p : new String[] {"/auth/login", "/auth/register", "/patients", "/diagnosis/start",
                "/diagnosis/record/list"}) {
            assertTrue(all.contains(p), p + " in " + all);
        }
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("bearer"));
        JsonObject login = paths.entrySet().stream().filter(e -> e.getKey().endsWith("/auth/login")).findFirst()
                .orElseThrow().getValue().asJsonObject().getJsonObject("post");
        assertEquals("Log in", login.getString("summary"));
        assertTrue(login.getJsonObject("responses").containsKey("401"));
        Api.Reply yaml = api.get("openapi.yaml", null);
        assertEquals(200, yaml.status());
        assertTrue(yaml.body().startsWith("---") || yaml.body().startsWith("openapi"), yaml.body().substring(0, 40));
    }

    @Test
    void asyncApiAndMockHeadsetAreServed() {
        Api.Reply asyncApi = api.get("asyncapi.yaml", null);
        assertEquals(200, asyncApi.status());
        assertTrue(asyncApi.body().contains("asyncapi: 3.0.0") && asyncApi.body().contains("c_upload_result"));
        Api.Reply mock = api.get("test/mock-vr", null);
        assertEquals(200, mock.status(), "on in dev mode");
        assertTrue(mock.body().contains("/ws/diagnosis/") && mock.body().contains("c_upload_result"));
    }

    @Test
    void healthTouchesDatabaseAndBucket() {
        Api.Reply r = api.get("health", null);
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.json().getString("status"));
        assertEquals(2, r.json().getJsonArray("checks").size());
        assertTrue(r.body().contains("\"schema_version\""), r.body());
    }
}
