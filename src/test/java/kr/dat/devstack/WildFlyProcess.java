package kr.dat.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly started from the provisioned server as a plain child process, with the WAR in its
 * deployment folder: the run command's server, and the second node of the cluster tests.
 */
public final class WildFlyProcess implements AutoCloseable {

    private final Process process;
    private final int httpPort;

    private WildFlyProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /**
     * Starts WildFly from {@code jbossHome} with its own {@code baseDir} (a copy of the standalone
     * folder is made there if missing) and ports shifted by {@code portOffset}.
     */
    public static WildFlyProcess start(Path jbossHome, Path baseDir, int portOffset, Path war, List<String> systemProperties,
                                       boolean inheritIo) throws IOException {
        if (!Files.isDirectory(baseDir.resolve("configuration"))) {
            copyTree(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
            // deployments made to the original server through its management API stay there
            Path xml = baseDir.resolve("configuration/standalone.xml");
            Files.writeString(xml, Files.readString(xml).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        }
        Path deployments = baseDir.resolve("deployments");
        Files.createDirectories(deployments);
        Files.copy(war, deployments.resolve("api.war"), StandardCopyOption.REPLACE_EXISTING);

        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx1g", "-Djava.net.preferIPv4Stack=true",
                "-Djboss.home.dir=" + jbossHome,
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Dorg.jboss.boot.log.file=" + baseDir.resolve("log/server.log"),
                "-Dlogging.configuration=file:" + baseDir.resolve("configuration/logging.properties")));
        cmd.addAll(systemProperties);
        cmd.addAll(List.of("-jar", jbossHome.resolve("jboss-modules.jar").toString(),
                "-mp", jbossHome.resolve("modules").toString(), "org.jboss.as.standalone"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (inheritIo) {
            pb.inheritIO();
        } else {
            pb.redirectErrorStream(true).redirectOutput(baseDir.resolve("console.log").toFile());
        }
        return new WildFlyProcess(pb.start(), 8080 + portOffset);
    }

    public long pid() {
        return process.pid();
    }

    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + httpPort + "/api/");
    }

    /** Waits until {@code GET /api/} answers 200 (the WAR is deployed). */
    public WildFlyProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(apiBase()).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (process.waitFor(250, TimeUnit.MILLISECONDS)) { // between polls, notice at once if it dies
                throw new IllegalStateException("WildFly exited with " + process.exitValue());
            }
        }
        throw new IllegalStateException("WildFly on port " + httpPort + " not ready within " + timeout);
    }

    /** Waits until the file (the server's console log) contains {@code marker}; returns its text. */
    public String awaitLog(Path file, String marker, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(file) ? Files.readString(file) : "";
            if (text.contains(marker)) {
                return text;
            }
            if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue());
            }
        }
        throw new IllegalStateException("'" + marker + "' not in " + file + " within " + timeout);
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
