package jp.kaigo.ingest;

import java.util.Arrays;

/**
 * A growable buffer of PostgreSQL COPY binary data: big-endian integers and length-prefixed UTF-8
 * text, encoded in place (no intermediate strings or byte arrays per value).
 */
final class BinaryCopyBuffer {
    /** The file header: signature, flags (no OIDs), header extension length. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
        0, 0};

    private byte[] buf;
    private int size;

    BinaryCopyBuffer(int capacity) {
        buf = new byte[capacity];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    void clear() {
        size = 0;
    }

    BinaryCopyBuffer header() {
        return bytes(HEADER);
    }

    /** The end of the data: a tuple with field count -1. */
    BinaryCopyBuffer trailer() {
        return int16(-1);
    }

    BinaryCopyBuffer int8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    BinaryCopyBuffer int16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BinaryCopyBuffer int32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BinaryCopyBuffer int64(long v) {
        return int32((int) (v >>> 32)).int32((int) v);
    }

    BinaryCopyBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A text value: its UTF-8 length, then its UTF-8 bytes (surrogate pairs as one 4-byte sequence). */
    BinaryCopyBuffer text(String s) {
        int n = s.length();
        ensure(4 + 3 * n);
        int lengthAt = size;
        int p = size + 4;
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | cp & 0x3f);
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a lone surrogate has no UTF-8 form (validation lets none through)");
            } else {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        size = lengthAt;
        int32(p - lengthAt - 4);
        size = p;
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
