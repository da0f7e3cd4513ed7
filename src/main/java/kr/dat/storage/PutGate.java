package kr.dat.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Lets a bucket write start before the commit it depends on and end only after it. A stream held by
 * the gate passes all but its last byte at once and the last byte only when the gate {@link #open()}s.
 * A bucket creates an object only once it has every byte the request announced, so until then nothing
 * is stored. When the gate is {@link #shut()} instead, reading fails: the HTTP client abandons the
 * request, the connection closes, and the bucket throws away what it had received.
 * <p>
 * Over plain HTTP the SDK reads a body once to sign it before it sends anything, so there the
 * signing waits at the gate and the body goes out after it opens: never earlier, only without the
 * head start.
 */
public final class PutGate {

    private final CompletableFuture<Boolean> state = new CompletableFuture<>();

    /** A gate that is open from the start: a put that depends on nothing. */
    public static PutGate opened() {
        PutGate gate = new PutGate();
        gate.open();
        return gate;
    }

    /** The commit happened: held streams may finish. */
    public void open() {
        state.complete(true);
    }

    /** The commit did not happen (or failed): held streams fail, now and on any retry. */
    public void shut() {
        state.complete(false);
    }

    /** {@code in}, which holds exactly {@code length} bytes, with its last byte held back until this gate opens. */
    public InputStream hold(InputStream in, long length) {
        return new Held(in, length);
    }

    /** Waits for the gate; true when open. */
    private boolean await() throws IOException {
        try {
            return state.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the put waited for its commit");
        } catch (ExecutionException e) {
            return false;
        }
    }

    private final class Held extends InputStream {
        private final InputStream in;
        private long remaining;
        private boolean passed;

        Held(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        /** Before the last byte (or at once, when the gate is already shut, so a retry sends nothing). */
        private void check(boolean last) throws IOException {
            if (passed) {
                return;
            }
            if (state.isDone() || last) {
                if (!await()) {
                    throw new IOException("the put was abandoned: what it stores was not committed");
                }
                passed = true;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining <= 0) {
                check(true);
                return in.read(b, off, len);
            }
            check(remaining == 1);
            int n = in.read(b, off, (int) Math.min(len, passed ? remaining : remaining - 1));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return passed ? in.available() : (int) Math.max(0, Math.min(in.available(), remaining - 1));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
