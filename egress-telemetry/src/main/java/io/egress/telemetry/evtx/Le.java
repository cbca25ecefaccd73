package io.egress.telemetry.evtx;

import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian reads from a byte array; a read past {@code limit} is a format error. */
final class Le {
    private Le() {
    }

    static void check(int pos, int size, int limit) {
        if (pos < 0 || size < 0 || pos > limit - size) {
            throw new EvtxFormatException("truncated: need " + size + " bytes at chunk offset 0x"
                    + Integer.toHexString(pos));
        }
    }

    static int u8(byte[] b, int pos, int limit) {
        check(pos, 1, limit);
        return b[pos] & 0xff;
    }

    static int u16(byte[] b, int pos, int limit) {
        check(pos, 2, limit);
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8;
    }

    static int i32(byte[] b, int pos, int limit) {
        check(pos, 4, limit);
        return (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8 | (b[pos + 2] & 0xff) << 16 | (b[pos + 3] & 0xff) << 24;
    }

    static long u32(byte[] b, int pos, int limit) {
        return i32(b, pos, limit) & 0xffffffffL;
    }

    static long i64(byte[] b, int pos, int limit) {
        check(pos, 8, limit);
        return (i32(b, pos, limit) & 0xffffffffL) | ((long) i32(b, pos + 4, limit)) << 32;
    }

    /** {@code chars} UTF-16LE code units from {@code pos}. */
    static String utf16(byte[] b, int pos, int chars, int limit) {
        check(pos, chars * 2, limit);
        return new String(b, pos, chars * 2, StandardCharsets.UTF_16LE);
    }
}
