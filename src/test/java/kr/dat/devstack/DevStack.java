package kr.dat.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The real services the server needs, on free loopback ports: PostgreSQL (embedded binaries) and an
 * S3 API (s3proxy over a folder). Used by the integration tests (once per test JVM) and by the
 * README's run command.
 */
public final class DevStack implements AutoCloseable {

    public static final String S3_ACCESS_KEY = "dat-dev";
    public static final String S3_SECRET_KEY = "dat-dev-secret";
    public static final String BUCKET = "test-bucket";
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    /** The password of the S3 API's self-signed key store (tests and benchmarks only). */
    public static final String KEY_STORE_PASSWORD = "dat-dev-tls";

    private final EmbeddedPostgres postgres;
    private S3Proxy s3;
    private final BlobStoreContext blobContext;
    private final Path s3Dir;
    private final int s3Port;
    private final Path s3KeyStore;

    private DevStack(EmbeddedPostgres postgres, S3Proxy s3, BlobStoreContext blobContext, Path s3Dir, int s3Port, Path s3KeyStore) {
        this.postgres = postgres;
        this.s3 = s3;
        this.blobContext = blobContext;
        this.s3Dir = s3Dir;
        this.s3Port = s3Port;
        this.s3KeyStore = s3KeyStore;
    }

    /** Starts both services keeping their data under {@code dataDir} (kept between runs). */
    public static DevStack start(Path dataDir) throws Exception {
        return start(dataDir, freePort(), freePort());
    }

    /** Same, on the given ports. */
    public static DevStack start(Path dataDir, int pgPort, int s3Port) throws Exception {
        return start(dataDir, pgPort, s3Port, false);
    }

    /**
     * Like {@link #start(Path)}, but PostgreSQL flushes its WAL and waits for it at every commit, as a
     * production server does (the embedded server runs with {@code fsync} and
     * {@code synchronous_commit} off, which is faster and fine for tests): for benchmarks.
     */
    public static DevStack startDurable(Path dataDir) throws Exception {
        return startDurable(dataDir, false);
    }

    /**
     * Durable, and with {@code tls} the S3 API over HTTPS only, with a self-signed certificate that
     * {@link #serverProperties()} makes the server's JVM trust (as a bucket is reached in production).
     */
    public static DevStack startDurable(Path dataDir, boolean tls) throws Exception {
        return start(dataDir, freePort(), freePort(), true, tls);
    }

    private static DevStack start(Path dataDir, int pgPort, int s3Port, boolean durable) throws Exception {
        return start(dataDir, pgPort, s3Port, durable, false);
    }

    private static DevStack start(Path dataDir, int pgPort, int s3Port, boolean durable, boolean tls) throws Exception {
        Path pgDir = dataDir.resolve("postgres");
        Path s3Dir = dataDir.resolve("s3");
        Files.createDirectories(pgDir);
        Files.createDirectories(s3Dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgDir)
                .setCleanDataDirectory(false)
                .setPort(pgPort)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .start();
        try {
            BlobStoreContext ctx = blobContext(s3Dir);
            ctx.getBlobStore().createContainerInLocation(null, BUCKET); // as an administrator sets it up
            Path keyStore = tls ? selfSignedKeyStore(dataDir.resolve("s3-tls.p12")) : null;
            S3Proxy proxy = startS3(ctx.getBlobStore(), s3Port, keyStore);
            return new DevStack(pg, proxy, ctx, s3Dir, s3Port, keyStore);
        } catch (Exception e) {
            pg.close();
            throw e;
        }
    }

    private static BlobStoreContext blobContext(Path s3Dir) {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", s3Dir.toString());
        return ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
    }

    /**
     * An S3 API over {@code store} on {@code port}: plain HTTP, or HTTPS only when {@code keyStore}
     * (PKCS12, password {@link #KEY_STORE_PASSWORD}) is given.
     */
    public static S3Proxy startS3(BlobStore store, int port, Path keyStore) throws Exception {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY);
        if (keyStore == null) {
            builder.endpoint(URI.create("http://127.0.0.1:" + port));
        } else {
            builder.secureEndpoint(URI.create("https://127.0.0.1:" + port)).keyStore(keyStore.toString(), KEY_STORE_PASSWORD);
        }
        S3Proxy proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.onSpinWait();
        }
        return proxy;
    }

    /** Stops the S3 endpoint (for outage tests); {@link #startS3()} brings it back on the same port and data. */
    public synchronized void stopS3() throws Exception {
        s3.stop();
    }

    public synchronized void startS3() throws Exception {
        s3 = startS3(blobContext.getBlobStore(), s3Port, s3KeyStore);
    }

    /** A PKCS12 key store at {@code file} with a key and a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    public static Path selfSignedKeyStore(Path file) throws Exception {
        Files.deleteIfExists(file);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "s3", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", KEY_STORE_PASSWORD, "-keypass", KEY_STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }

    /** The -D options that point a WildFly of this project at this stack (dev mode). */
    public java.util.List<String> serverProperties() {
        java.util.List<String> props = new java.util.ArrayList<>(java.util.List.of(
                "-Dapp.db.url=" + jdbcUrl(),
                "-Dapp.db.user=" + DB_USER,
                "-Dapp.db.password=" + DB_PASSWORD,
                "-DS3_ENDPOINT=" + s3Endpoint(),
                "-DAWS_ACCESS_KEY_ID=" + S3_ACCESS_KEY,
                "-DAWS_SECRET_ACCESS_KEY=" + S3_SECRET_KEY,
                "-DS3_CREATE_BUCKET=true"));
        if (s3KeyStore != null) { // the JVM's default trust, as a hospital adds its own CA to it
            props.addAll(java.util.List.of("-Djavax.net.ssl.trustStore=" + s3KeyStore, "-Djavax.net.ssl.trustStoreType=PKCS12",
                    "-Djavax.net.ssl.trustStorePassword=" + KEY_STORE_PASSWORD));
        }
        return props;
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(DB_USER, "postgres");
    }

    public String s3Endpoint() {
        return (s3KeyStore == null ? "http" : "https") + "://127.0.0.1:" + s3Port;
    }

    public Path s3Directory() {
        return s3Dir;
    }

    public javax.sql.DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws Exception {
        try {
            s3.stop();
            blobContext.close();
        } finally {
            postgres.close();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
