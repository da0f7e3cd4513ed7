package kr.dat.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A headset as the Unity client behaves: one WebSocket, text frames {@code {"action","data"}}. */
public final class Headset implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private Headset(URI uri, java.util.Map<String, String> headers, java.util.List<String> subprotocols) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        if (!subprotocols.isEmpty()) {
            b.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        this.socket = b.buildAsync(uri, this).join();
    }

    /** Connects to {@code /api/ws/diagnosis/{code}} of the deployment. */
    public static Headset connect(URI apiBase, String patientCode) {
        return connect(apiBase, patientCode, null);
    }

    public static Headset connect(URI apiBase, String patientCode, String userAgent) {
        return connect(apiBase, patientCode, userAgent == null ? java.util.Map.of() : java.util.Map.of("User-Agent", userAgent),
                java.util.List.of(), "");
    }

    /** With handshake headers, offered subprotocols and a query ({@code ""} or {@code "?token=…"}). */
    public static Headset connect(URI apiBase, String patientCode, java.util.Map<String, String> headers,
                                  java.util.List<String> subprotocols, String query) {
        URI ws = URI.create(apiBase.toString().replaceFirst("^http", "ws") + "ws/diagnosis/" + patientCode + query);
        return new Headset(ws, headers, subprotocols);
    }

    /** The subprotocol the server chose ({@code ""} for none). */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** The next frame within the timeout, or null. */
    public JsonObject poll(Duration timeout) {
        try {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (JsonReader r = Json.createReader(new StringReader(partial.toString()))) {
                received.add(r.readObject());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    public void send(String action, JsonObject data) {
        var b = Json.createObjectBuilder().add("action", action);
        if (data == null) {
            b.addNull("data");
        } else {
            b.add("data", data);
        }
        sendRaw(b.build().toString());
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    public void diagnosisEvent(String action, int diagnosisId) {
        send(action, Json.createObjectBuilder().add("diagnosis_id", diagnosisId).build());
    }

    /** The next frame from the server, or an assertion failure after the timeout. */
    public JsonObject next(Duration timeout) {
        try {
            JsonObject m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) {
                throw new AssertionError("no frame from the server within " + timeout);
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame, which must carry this action. */
    public JsonObject expect(String action) {
        JsonObject m = next(Duration.ofSeconds(10));
        if (!action.equals(m.getString("action"))) {
            throw new AssertionError("expected " + action + " but got " + m);
        }
        return m;
    }

    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within " + timeout, e);
        }
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
    }
}
