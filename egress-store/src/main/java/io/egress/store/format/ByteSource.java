package io.egress.store.format;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteSink} wrote; every read is bounds-checked and fails with {@link CorruptSegmentException.Unchecked}. */
final class ByteSource {
    private final byte[] bytes;
    private final int end;
    private int pos;

    ByteSource(byte[] bytes, int off, int len) {
        this.bytes = bytes;
        this.pos = off;
        this.end = off + len;
    }

    ByteSource(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private static CorruptSegmentException.Unchecked truncated() {
        return new CorruptSegmentException.Unchecked("block ends early");
    }

    int readByte() {
        if (pos >= end) {
            throw truncated();
        }
        return bytes[pos++] & 0xFF;
    }

    long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw truncated();
            }
            byte b = bytes[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new CorruptSegmentException.Unchecked("varint longer than 10 bytes");
    }

    /** A varint that must fit in [0, max]. */
    int readCount(long max) {
        long v = readVarLong();
        if (v < 0 || v > max) {
            throw new CorruptSegmentException.Unchecked("count " + v + " out of range (max " + max + ")");
        }
        return (int) v;
    }

    long readZigZag() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    long readLongLE() {
        if (end - pos < 8) {
            throw truncated();
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (bytes[pos++] & 0xFF) << (8 * i);
        }
        return v;
    }

    /** {@code len} bytes at the current position; returns their offset in {@link #array()}. */
    int skip(int len) {
        if (len < 0 || end - pos < len) {
            throw truncated();
        }
        int at = pos;
        pos += len;
        return at;
    }

    String readString() {
        int len = readCount(end - pos);
        int at = skip(len);
        return new String(bytes, at, len, StandardCharsets.UTF_8);
    }

    /** Moves to {@code position}, which a caller that read {@link #array()} directly reached. */
    void seek(int position) {
        if (position < pos || position > end) {
            throw truncated();
        }
        pos = position;
    }

    byte[] array() {
        return bytes;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }
}
