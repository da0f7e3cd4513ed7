package kr.dat.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gate's stream on its own: everything but the last byte at once, the last byte only when opened. */
class PutGateTest {

    private static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Reads until the stream has nothing more it can give before the gate: the held stream never blocks there. */
    private static int readAhead(InputStream in, byte[] into, int expected) throws IOException {
        int total = 0;
        while (total < expected) {
            int n = in.read(into, total, into.length - total);
            assertTrue(n > 0, "the stream stopped after " + total + " bytes");
            total += n;
        }
        return total;
    }

    @Test
    void everythingButTheLastByteFlowsAndTheLastWaitsForTheGate() throws Exception {
        byte[] data = data(100_000);
        PutGate gate = new PutGate();
        InputStream in = gate.hold(new ByteArrayInputStream(data), data.length);
        byte[] got = new byte[data.length];
        assertEquals(data.length - 1, readAhead(in, got, data.length - 1));
        assertEquals(0, in.available(), "the held byte is not announced");

        CompletableFuture<Integer> last = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read(got, data.length - 1, 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> last.get(300, TimeUnit.MILLISECONDS), "the last byte passed a closed gate");
        gate.open();
        assertEquals(1, last.get(10, TimeUnit.SECONDS));
        assertArrayEquals(data, got);
        assertEquals(-1, in.read());
    }

    @Test
    void aShutGateFailsTheWaitingReadAndEveryLaterStreamAtOnce() throws Exception {
        byte[] data = data(10_000);
        PutGate gate = new PutGate();
        InputStream in = gate.hold(new ByteArrayInputStream(data), data.length);
        readAhead(in, new byte[data.length], data.length - 1);
        CompletableFuture<Integer> last = CompletableFuture.supplyAsync(() -> {
            try {
                return in.read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        gate.shut();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> last.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getCause() instanceof IOException, failed.toString());

        // a retry's fresh stream sends nothing: it fails before reading its source
        AtomicLong read = new AtomicLong();
        InputStream again = gate.hold(counting(new ByteArrayInputStream(data), read), data.length);
        assertThrows(IOException.class, () -> again.read(new byte[4096]));
        assertEquals(0, read.get());
    }

    @Test
    void anOpenGateHoldsNothingBackAndAnEmptyBodyWaitsToo() throws Exception {
        byte[] data = data(5_000);
        InputStream in = PutGate.opened().hold(new ByteArrayInputStream(data), data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        assertArrayEquals(data, out.toByteArray());

        PutGate gate = new PutGate();
        InputStream empty = gate.hold(new ByteArrayInputStream(new byte[0]), 0);
        CompletableFuture<Integer> end = CompletableFuture.supplyAsync(() -> {
            try {
                return empty.read(new byte[16]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThrows(TimeoutException.class, () -> end.get(300, TimeUnit.MILLISECONDS), "an empty body ended before the gate opened");
        gate.open();
        assertEquals(-1, end.get(10, TimeUnit.SECONDS));
    }

    static InputStream counting(InputStream in, AtomicLong read) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    read.addAndGet(n);
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    read.incrementAndGet();
                }
                return c;
            }
        };
    }
}
