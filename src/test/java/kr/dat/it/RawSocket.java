package kr.dat.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client on a bare TCP socket, for what no well-behaved client does: a frame header
 * announcing 300 MB followed by a stream of bytes (memory stays flat on this side), half-sent
 * handshakes. It reads the server's frames on a thread of its own and reports the close code.
 */
final class RawSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final java.util.concurrent.BlockingQueue<String> texts = new java.util.concurrent.LinkedBlockingQueue<>();

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static RawSocket open(URI apiBase) throws IOException {
        Socket s = new Socket(apiBase.getHost(), apiBase.getPort());
        s.setSoTimeout(60_000);
        return new RawSocket(s);
    }

    /** Completes the WebSocket handshake for the patient code; fails unless the answer is 101. */
    static RawSocket webSocket(URI apiBase, String patientCode) throws IOException {
        return webSocket(apiBase, patientCode, null);
    }

    /** The same, as if from {@code forwardedFor} behind the trusted proxy (null: the peer address). */
    static RawSocket webSocket(URI apiBase, String patientCode, String forwardedFor) throws IOException {
        RawSocket raw = open(apiBase);
        raw.write("GET " + apiBase.getPath() + "ws/diagnosis/" + patientCode + " HTTP/1.1\r\nHost: "
                + apiBase.getHost() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        String head = raw.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + head);
        }
        Thread reader = new Thread(raw::readFrames, "raw-ws-reader");
        reader.setDaemon(true);
        reader.start();
        return raw;
    }

    void write(String ascii) throws IOException {
        out.write(ascii.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One small masked text frame (zero mask key). This client never answers pings. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 14);
        frame.put((byte) 0x81);
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        frame.putInt(0).put(payload);
        out.write(frame.array(), 0, frame.position());
        out.flush();
    }

    /** Text frames the server sent, in order (pings and other control frames are not listed). */
    java.util.concurrent.BlockingQueue<String> texts() {
        return texts;
    }

    long streamTextFrame(long length) {
        return streamFrame(0x1, length);
    }

    long streamBinaryFrame(long length) {
        return streamFrame(0x2, length);
    }

    /**
     * Sends one masked frame header announcing {@code length} bytes, then payload bytes until the
     * length is reached or the server closes. Returns how many payload bytes went out.
     */
    private long streamFrame(int opcode, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) (0x80 | opcode)).put((byte) 0xFF).putLong(length).putInt(0); // FIN, masked, zero mask key
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        long sent = 0;
        try {
            out.write(header.array());
            while (sent < length && !closeCode.isDone()) {
                int n = (int) Math.min(chunk.length, length - sent);
                out.write(chunk, 0, n);
                sent += n;
            }
            out.flush();
        } catch (IOException closedByServer) {
            // the server stopped reading: what it had read is what counts
        }
        return sent;
    }

    /** The close code the server sent, or -1 when the connection ended without a close frame. */
    int awaitClose(long seconds) throws Exception {
        return closeCode.get(seconds, TimeUnit.SECONDS);
    }

    /** True once the server has closed the TCP connection (read returns end of stream or fails). */
    boolean closedByServerWithin(long millis) {
        try {
            socket.setSoTimeout((int) millis);
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[1024];
            while (in.read(buf) >= 0) {
                // drain whatever the server sends before closing
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private void readFrames() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0) {
                    break;
                }
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                } else if (len == 127) {
                    len = ByteBuffer.wrap(in.readNBytes(8)).getLong();
                }
                byte[] payload = in.readNBytes((int) len);
                if ((b0 & 0x0f) == 0x1) {
                    texts.add(new String(payload, StandardCharsets.UTF_8));
                }
                if ((b0 & 0x0f) == 0x8) {
                    closeCode.complete(payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
                    return;
                }
            }
        } catch (IOException e) {
            // reset: no close frame
        }
        closeCode.complete(-1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
