package kr.dat.result;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Text written straight as UTF-8 bytes into chunks of at most 256 KiB: growing never copies what was
 * written, and the bytes go to the bucket as they are ({@link #openStream}), without a
 * {@code String} in between. Unpaired surrogates become {@code ?}, as {@link String#getBytes} does.
 */
public final class Utf8Writer {

    /**
     * Below half of G1's smallest region (1 MiB), so a chunk is an ordinary young object, not a
     * humongous one that takes two whole regions; the last chunk wastes at most this much.
     */
    private static final int CHUNK = 1 << 18;
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    /** Scratch for {@link PyFloat#format}, so that writing a number allocates nothing. */
    private final byte[] digits = new byte[20];
    private byte[] cur;
    private int pos;
    private long size;

    /** {@code expectedBytes}: a guess of the final size; the first chunk is sized by it (at most one chunk). */
    Utf8Writer(int expectedBytes) {
        cur = new byte[Math.max(256, Math.min(expectedBytes, CHUNK))];
    }

    private void room(int n) {
        if (pos + n > cur.length) {
            chunks.add(cur);
            lengths.add(pos);
            size += pos;
            cur = new byte[CHUNK];
            pos = 0;
        }
    }

    Utf8Writer append(char c) {
        if (c < 0x80) {
            room(1);
            cur[pos++] = (byte) c;
        } else {
            appendNonAscii(c, (char) 0);
        }
        return this;
    }

    Utf8Writer append(String s) {
        return append(s, 0, s.length());
    }

    Utf8Writer append(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (pos == cur.length) {
                    room(1);
                }
                cur[pos++] = (byte) c;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                appendNonAscii(c, s.charAt(++i));
            } else {
                appendNonAscii(c, (char) 0);
            }
        }
        return this;
    }

    /** Text known to be ASCII, copied in bulk. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies the low byte of each char: right for ASCII
    Utf8Writer appendAscii(String s, int from, int to) {
        while (from < to) {
            if (pos == cur.length) {
                room(1);
            }
            int n = Math.min(to - from, cur.length - pos);
            s.getBytes(from, from + n, cur, pos);
            pos += n;
            from += n;
        }
        return this;
    }

    /** A double as Python's repr writes it ({@link PyFloat}), formatted straight into the buffer. */
    Utf8Writer appendDouble(double d) {
        room(PyFloat.MAX_LENGTH);
        pos = PyFloat.format(d, cur, pos, digits);
        return this;
    }

    /**
     * {@code ±m / 10^k} written out with exactly {@code k} digits after the point ({@code m} ≥ 0 and
     * below 10^9, {@code 1 ≤ k ≤ 22}): {@code 0.25}, {@code -10.0}, {@code 0.0001}.
     */
    Utf8Writer appendDecimal(boolean negative, int m, int k) {
        int digits = (32 - Integer.numberOfLeadingZeros(m)) * 1233 >>> 12; // log10 by the bit length: exact or one short
        if (m >= PyFloat.longPow10(digits)) {
            digits++;
        }
        int length = (negative ? 1 : 0) + Math.max(1, digits - k) + 1 + k;
        room(length);
        if (negative) {
            cur[pos] = '-';
        }
        int q = pos + length;
        int rest = m;
        int i = k;
        for (; i >= 2; i -= 2) { // two digits per division
            int next = rest / 100;
            int pair = rest - next * 100;
            cur[--q] = PyFloat.ONES[pair];
            cur[--q] = PyFloat.TENS[pair];
            rest = next;
        }
        if (i == 1) {
            int next = rest / 10;
            cur[--q] = (byte) ('0' + rest - next * 10);
            rest = next;
        }
        cur[--q] = '.';
        do {
            int next = rest / 10;
            cur[--q] = (byte) ('0' + rest - next * 10);
            rest = next;
        } while (rest != 0);
        pos += length;
        return this;
    }

    private void appendNonAscii(char c, char low) {
        room(4);
        if (low != 0) {
            int cp = Character.toCodePoint(c, low);
            cur[pos++] = (byte) (0xF0 | (cp >> 18));
            cur[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            cur[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            cur[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else if (c < 0x800) {
            cur[pos++] = (byte) (0xC0 | (c >> 6));
            cur[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            cur[pos++] = '?';
        } else {
            cur[pos++] = (byte) (0xE0 | (c >> 12));
            cur[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            cur[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /**
     * Appends everything {@code rest} holds by taking over its chunks (no copy); {@code rest} must not
     * be used afterwards. What is left free in this writer's current chunk stays unused.
     */
    void take(Utf8Writer rest) {
        chunks.add(cur);
        lengths.add(pos);
        size += pos;
        chunks.addAll(rest.chunks);
        lengths.addAll(rest.lengths);
        size += rest.size;
        cur = rest.cur;
        pos = rest.pos;
    }

    /** Bytes written so far. */
    public long size() {
        return size + pos;
    }

    /** The bytes, chunk by chunk, without copying them. */
    public InputStream openStream() {
        List<InputStream> parts = new ArrayList<>(chunks.size() + 1);
        for (int i = 0; i < chunks.size(); i++) {
            parts.add(new ByteArrayInputStream(chunks.get(i), 0, lengths.get(i)));
        }
        parts.add(new ByteArrayInputStream(cur, 0, pos));
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < chunks.size(); i++) {
            out.write(chunks.get(i), 0, lengths.get(i));
        }
        out.write(cur, 0, pos);
    }

    /** The text (a copy: for tests and small files). */
    @Override
    public String toString() {
        ByteArrayOutputStream all = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size()));
        try {
            writeTo(all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}
