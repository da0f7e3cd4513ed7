package kr.dat.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.dat.platform.config.AppConfig;
import org.junit.jupiter.api.Test;

/** A bucket that accepts TCP and never answers: the real SDK client gives up in bounded time. */
class HungBucketTest {

    @Test
    void healthAndStorageCallsGiveUpOnAHungBucket() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket hung = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(hung.accept()); // accepted, never read, never answered
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ObjectStore store = new ObjectStore();
            store.init(new AppConfig.Storage("b", "ap-northeast-2", Optional.of("http://127.0.0.1:" + hung.getLocalPort()),
                    Optional.of("k"), Optional.of("s"), false));
            try {
                long t0 = System.nanoTime();
                assertFalse(store.reachable());
                long healthMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(healthMs < 4_000, "the readiness check took " + healthMs + " ms");

                long t1 = System.nanoTime();
                assertThrows(StorageException.class, () -> store.putText("k", "csv", PutGate.opened()));
                long putMs = (System.nanoTime() - t1) / 1_000_000;
                assertTrue(putMs < 25_000, "a put took " + putMs + " ms");
            } finally {
                store.close();
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
