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

    private final EmbeddedPostgres postgres;
    private S3Proxy s3;
    private final BlobStoreContext blobContext;
    private final Path s3Dir;
    private final int s3Port;

    private DevStack(EmbeddedPostgres postgres, S3Proxy s3, BlobStoreContext blobContext, Path s3Dir, int s3Port) {
        this.postgres = postgres;
        this.s3 = s3;
        this.blobContext = blobContext;
        this.s3Dir = s3Dir;
        this.s3Port = s3Port;
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
        return start(dataDir, freePort(), freePort(), true);
    }

    private static DevStack start(Path dataDir, int pgPort, int s3Port, boolean durable) throws Exception {
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
            S3Proxy proxy = startS3(ctx.getBlobStore(), s3Port);
            return new DevStack(pg, proxy, ctx, s3Dir, s3Port);
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

    private static S3Proxy startS3(BlobStore store, int port) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                .build();
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
        s3 = startS3(blobContext.getBlobStore(), s3Port);
    }

    /** The -D options that point a WildFly of this project at this stack (dev mode). */
    public java.util.List<String> serverProperties() {
        return java.util.List.of(
                "-Dapp.db.url=" + jdbcUrl(),
                "-Dapp.db.user=" + DB_USER,
                "-Dapp.db.password=" + DB_PASSWORD,
                "-DS3_ENDPOINT=" + s3Endpoint(),
                "-DAWS_ACCESS_KEY_ID=" + S3_ACCESS_KEY,
                "-DAWS_SECRET_ACCESS_KEY=" + S3_SECRET_KEY,
                "-DS3_CREATE_BUCKET=true");
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(DB_USER, "postgres");
    }

    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
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
