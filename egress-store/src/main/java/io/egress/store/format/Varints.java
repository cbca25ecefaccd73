package io.egress.store.format;

/** Varint decoding helpers for the hot loops of {@link ColumnCodec} (LEB128, as {@link ByteSink} writes). */
final class Varints {
    private Varints() {
    }

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

    /**
     * A varint at {@code b[p]} read byte by byte (the last bytes of a block, and varints longer than 8
     * bytes): its value and the position after it.
     */
    static long[] read(byte[] b, int p, int end) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p >= end) {
                throw new CorruptSegmentException.Unchecked("block ends early");
            }
            byte x = b[p++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return new long[] {v, p};
            }
        }
        throw new CorruptSegmentException.Unchecked("varint longer than 10 bytes");
    }
}
