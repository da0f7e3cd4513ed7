package kr.dat.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's run command: the provisioned WildFly with the WAR, on {@code http://localhost:8080/api},
 * with an embedded PostgreSQL and S3 endpoint unless {@code DB_URL} / {@code S3_ENDPOINT} point
 * elsewhere. Data stays in {@code .dat-data/} between runs. Ctrl-C stops everything.
 */
public final class DevServer {

    private DevServer() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("dat.project", ".")).toAbsolutePath().normalize();
        Path jbossHome = project.resolve("target/server");
        Path war = project.resolve("target/api.war");
        Path dataDir = project.resolve(".dat-data");
        if (!Files.isRegularFile(jbossHome.resolve("jboss-modules.jar")) || !Files.isRegularFile(war)) {
            throw new IllegalStateException("build first: target/server and target/api.war are missing");
        }

        String dbUrl = System.getenv("DB_URL");
        String s3Endpoint = System.getenv("S3_ENDPOINT");
        DevStack stack = null;
        if (dbUrl == null || dbUrl.isBlank() || s3Endpoint == null || s3Endpoint.isBlank()) {
            stack = DevStack.start(dataDir, 54329, 9090);
        }
        List<String> props = new ArrayList<>();
        if (dbUrl == null || dbUrl.isBlank()) {
            props.add("-Dapp.db.url=" + stack.jdbcUrl());
            props.add("-Dapp.db.user=" + DevStack.DB_USER);
            props.add("-Dapp.db.password=" + DevStack.DB_PASSWORD);
            dbUrl = stack.jdbcUrl() + " (embedded, data in " + dataDir.resolve("postgres") + ")";
        }
        if (s3Endpoint == null || s3Endpoint.isBlank()) {
            props.add("-DS3_ENDPOINT=" + stack.s3Endpoint());
            props.add("-DAWS_ACCESS_KEY_ID=" + DevStack.S3_ACCESS_KEY);
            props.add("-DAWS_SECRET_ACCESS_KEY=" + DevStack.S3_SECRET_KEY);
            props.add("-DS3_CREATE_BUCKET=true");
            s3Endpoint = stack.s3Endpoint() + " (embedded s3proxy, data in " + stack.s3Directory() + ")";
        }
        if (System.getenv("ENV") == null) {
            props.add("-DENV=dev");
        }

        WildFlyProcess server = WildFlyProcess.start(jbossHome, jbossHome.resolve("standalone"), 0, war, props, true);
        DevStack finalStack = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, finalStack), "dat-dev-stop"));

        System.out.println();
        System.out.println("DAT server (dev)");
        System.out.println("  API        http://localhost:8080/api/");
        System.out.println("  PostgreSQL " + dbUrl);
        System.out.println("  S3         " + s3Endpoint);
        System.out.println("  Logs       " + jbossHome.resolve("standalone/log/server.log"));
        System.out.println("  Ctrl-C stops the server and the embedded services.");
        System.out.println();
        int exit = server.waitFor();
        System.out.println("WildFly exited with " + exit);
    }

    private static void stop(WildFlyProcess server, DevStack stack) {
        server.close();
        if (stack != null) {
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("embedded services did not stop cleanly: " + e);
            }
        }
    }

}
