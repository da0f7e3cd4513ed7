package kr.dat.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** A doctor front end watching {@code GET /api/diagnosis/{id}/status} as a Server-Sent Events stream. */
public final class StatusWatcher implements AutoCloseable {

    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CountDownLatch firstComment = new CountDownLatch(1);
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;
    private volatile Stream<String> body;

    private StatusWatcher(HttpResponse<Stream<String>> response) {
        this.response = response;
    }

    public static StatusWatcher open(URI apiBase, int diagnosisId, String token) {
        HttpRequest req = HttpRequest.newBuilder(apiBase.resolve("diagnosis/" + diagnosisId + "/status"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<Stream<String>> r = HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofLines())
                .orTimeout(10, TimeUnit.SECONDS).join();
        StatusWatcher w = new StatusWatcher(r);
        Thread reader = new Thread(() -> {
            try (Stream<String> lines = r.body()) {
                w.body = lines;
                lines.forEach(w::line);
                w.ended.complete(null);
            } catch (RuntimeException e) {
                w.ended.completeExceptionally(e);
            }
        }, "sse-reader-" + diagnosisId);
        reader.setDaemon(true);
        reader.start();
        return w;
    }

    private void line(String line) {
        if (line.startsWith("data:")) {
            try (JsonReader r = Json.createReader(new StringReader(line.substring(5).strip()))) {
                events.add(r.readObject());
            }
        } else if (line.startsWith(":")) {
            comments.incrementAndGet();
            firstComment.countDown();
        } else if (!line.isEmpty()) {
            events.add(Json.createObjectBuilder().add("unexpected_line", line).build());
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event, which must show this state. */
    public JsonObject expect(String state) {
        JsonObject e = next(Duration.ofSeconds(10));
        if (!state.equals(e.getString("state", null))) {
            throw new AssertionError("expected state " + state + " but got " + e);
        }
        return e;
    }

    public JsonObject next(Duration timeout) {
        try {
            JsonObject e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no SSE event within " + timeout);
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The server ends the stream (after a terminal state). */
    public void awaitEnd(Duration timeout) {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stream did not end within " + timeout, e);
        }
    }

    public int comments() {
        return comments.get();
    }

    /** Waits for the first {@code :} comment line (a keep-alive ping). */
    public boolean awaitComment(Duration timeout) throws InterruptedException {
        return firstComment.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        Stream<String> b = body;
        if (b != null) {
            b.close();
        }
    }
}
