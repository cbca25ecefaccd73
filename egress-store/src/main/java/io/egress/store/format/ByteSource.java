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

    /**
     * A varint (LEB128, as {@link ByteSink} writes it). One of 2 to 8 bytes is read from one 8-byte word
     * without a branch per byte: out of order timestamps give their deltas random lengths, and a
     * mispredicted branch per varint cost more than the rest of a store read's datetime column.
     */
    long readVarLong() {
        if (pos < end && bytes[pos] >= 0) {
            return bytes[pos++]; // one byte: dictionary lengths and ids, small deltas
        }
        if (end - pos >= 8) {
            long word = (long) LONGS.get(bytes, pos);
            long stops = ~word & HIGHS;
            if (stops != 0) {
                int length = (Long.numberOfTrailingZeros(stops) >>> 3) + 1;
                pos += length;
                return gather(word & (-1L >>> (64 - 8 * length)));
            }
        }
        return readVarLongSlowly();
    }

    /** Steps over a varint without decoding it. */
    void skipVarLong() {
        if (end - pos >= 8) {
            long stops = ~(long) LONGS.get(bytes, pos) & HIGHS;
            if (stops != 0) {
                pos += (Long.numberOfTrailingZeros(stops) >>> 3) + 1;
                return;
            }
        }
        readVarLongSlowly();
    }

    /** Byte by byte: the last bytes of a block, and varints longer than 8 bytes. */
    private long readVarLongSlowly() {
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

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The value of a varint of at most 8 bytes given as the little-endian word of its bytes, the bytes
     * after it zeroed: the 7 payload bits of each byte packed together without a loop.
     */
    static long gather(long word) {
        long x = word & 0x7F7F7F7F7F7F7F7FL;
        x = (x & 0x007F007F007F007FL) | ((x & 0x7F007F007F007F00L) >>> 1);
        x = (x & 0x00003FFF00003FFFL) | ((x & 0x3FFF00003FFF0000L) >>> 2);
        return (x & 0x000000000FFFFFFFL) | ((x & 0x0FFFFFFF00000000L) >>> 4);
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
