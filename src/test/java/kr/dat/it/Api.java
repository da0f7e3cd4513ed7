package kr.dat.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A small HTTP client for the REST API, as a doctor front end would use it. */
public final class Api {

    public static final String ADMIN_CODE = "1234";
    public static final String PASSWORD = "Passw0rd-test";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String userAgent = "dat-it/1.0";
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Api(URL deploymentUrl) {
        String s = deploymentUrl.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** A header sent with every request of this client (e.g. X-Forwarded-For as a proxy would set it). */
    public Api header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public URI base() {
        return base;
    }

    public Api userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    public record Reply(int status, HttpResponse<String> raw) {

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        public String detail() {
            return json().getString("detail");
        }

        private JsonStructure parse() {
            try (JsonReader r = Json.createReader(new StringReader(raw.body()))) {
                return r.read();
            }
        }
    }

    public Reply send(String method, String path, String jsonBody, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", userAgent);
        headers.forEach(b::header);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Reply post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public Reply put(String path, String json, String token) {
        return send("PUT", path, json, token);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** A fresh login id (3–20 chars) no other test uses. */
    public static String uniqueLogin(String prefix) {
        String id = prefix + Integer.toString(SEQ.incrementAndGet(), 36)
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return id.length() > 20 ? id.substring(0, 20) : id;
    }

    public static String registerBody(String loginId, String password, String name, String role, String adminCode) {
        return Json.createObjectBuilder().add("login_id", loginId).add("password", password).add("name", name)
                .add("role", role).add("admin_code", adminCode).build().toString();
    }

    public static String loginBody(String loginId, String password) {
        return Json.createObjectBuilder().add("login_id", loginId).add("password", password).build().toString();
    }

    /** An account that exists and is logged in. */
    public record Session(int userId, String loginId, String accessToken, String refreshToken) {
    }

    public Session registerAndLogin(String role) {
        String login = uniqueLogin(role.substring(0, 3).toLowerCase());
        Reply reg = post("auth/register", registerBody(login, PASSWORD, "테스트 " + role, role, ADMIN_CODE), null);
        if (reg.status() != 201) {
            throw new AssertionError("register failed: " + reg.status() + " " + reg.body());
        }
        Reply login1 = post("auth/login", loginBody(login, PASSWORD), null);
        if (login1.status() != 200) {
            throw new AssertionError("login failed: " + login1.status() + " " + login1.body());
        }
        JsonObject t = login1.json();
        return new Session(reg.json().getInt("id"), login, t.getString("access_token"), t.getString("refresh_token"));
    }

    public Session doctor() {
        return registerAndLogin("DOCTOR");
    }
}
