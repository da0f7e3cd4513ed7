package kr.dat.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import kr.dat.devstack.DevStack;
import kr.dat.platform.config.AppConfig;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A put through a closed {@link PutGate} against a real S3 API (s3proxy): over HTTPS its body goes out
 * before the gate opens, yet no object exists until it does, and none at all when it is shut. Over
 * plain HTTP the SDK signs the body first, so the gate holds the signing; the object rule is the same.
 */
class GatedPutTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {false, true})
    void anObjectAppearsOnlyThroughAnOpenGate(boolean tls) throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", Files.createDirectories(dir.resolve("s3")).toString());
        Path keyStore = tls ? DevStack.selfSignedKeyStore(dir.resolve("tls.p12")) : null;
        int port = DevStack.freePort();
        try (BlobStoreContext blobs = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class)) {
            blobs.getBlobStore().createContainerInLocation(null, "gated");
            S3Proxy proxy = DevStack.startS3(blobs.getBlobStore(), port, keyStore);
            ObjectStore store = new ObjectStore();
            try {
                store.init(new AppConfig.Storage("gated", "ap-northeast-2",
                        Optional.of((tls ? "https" : "http") + "://127.0.0.1:" + port),
                        Optional.of(DevStack.S3_ACCESS_KEY), Optional.of(DevStack.S3_SECRET_KEY), false), tls ? trust(keyStore) : null);
                String text = "current_time,Score,State\r\n" + "2025-03-15 16:02:55.048,0,0\r\n".repeat(40_000);
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

                // shut: the put fails, nothing is stored
                PutGate shut = new PutGate();
                AtomicLong read = new AtomicLong();
                CompletableFuture<Void> refused = put(store, "refused.csv", utf8, read, shut);
                awaitRead(read, utf8.length - 1L, refused);
                assertEquals(Optional.empty(), store.getText("refused.csv"), "an object before its gate opened");
                shut.shut();
                ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof StorageException, e.toString());
                assertEquals(Optional.empty(), store.getText("refused.csv"), "an object from a shut gate");

                // opened: stored whole
                PutGate gate = new PutGate();
                AtomicLong read2 = new AtomicLong();
                CompletableFuture<Void> stored = put(store, "stored.csv", utf8, read2, gate);
                awaitRead(read2, utf8.length - 1L, stored);
                assertEquals(Optional.empty(), store.getText("stored.csv"), "an object before its gate opened");
                assertFalse(stored.isDone());
                gate.open();
                stored.get(30, TimeUnit.SECONDS);
                assertEquals(Optional.of(text), store.getText("stored.csv"));
            } finally {
                store.close();
                proxy.stop();
            }
        }
    }

    private static CompletableFuture<Void> put(ObjectStore store, String key, byte[] utf8, AtomicLong read, PutGate gate) {
        return CompletableFuture.runAsync(() -> {
            try {
                store.putText(key, () -> PutGateTest.counting(new java.io.ByteArrayInputStream(utf8), read), utf8.length, gate);
            } catch (StorageException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    /** Waits (30 s at most) until the put has read {@code bytes} of its body: all that the gate lets through. */
    private static void awaitRead(AtomicLong read, long bytes, CompletableFuture<Void> put) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read.get() < bytes) {
            assertFalse(put.isDone(), "the put ended early: " + put);
            assertTrue(System.nanoTime() < deadline, "the put read only " + read.get() + " of " + bytes + " bytes");
            Thread.onSpinWait();
        }
    }

    private static software.amazon.awssdk.http.TlsTrustManagersProvider trust(Path keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, DevStack.KEY_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf::getTrustManagers;
    }
}
