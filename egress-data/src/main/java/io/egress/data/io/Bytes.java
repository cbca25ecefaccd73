package io.egress.data.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight-bytes-at-a-time scans over byte arrays (SWAR) for the JSON lines reader's hot loops. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** Whether some byte of {@code v} is zero (exact: no false positive on the lowest such byte). */
    private static long zeroBytes(long v) {
        return (v - ONES) & ~v & HIGHS;
    }

    /**
     * The first index in {@code [from, to)} at which a string body stops being plain ASCII text: a quote,
     * a backslash, a control byte or a byte of a multi-byte character; {@code to} when there is none.
     * Exact, except in the last 7 bytes of the range, where it may stop early; callers continue byte by
     * byte from there.
     */
    static int plainRun(byte[] b, int from, int to) {
        int p = from;
        while (p + 8 <= to) {
            long v = (long) LONGS.get(b, p);
            long quote = v ^ 0x2222222222222222L;
            long backslash = v ^ 0x5C5C5C5C5C5C5C5CL;
            // a byte below 0x20 sets its high bit in v - 0x20..., one of 0x80 and above in v (the borrow
            // out of a byte below 0x20 can only mark bytes above it, as in zeroBytes)
            long special = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (v - 0x2020202020202020L) | v)
                    & HIGHS;
            if (special != 0) {
                return p + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            p += 8;
        }
        return p;
    }

    /** The four bytes at {@code at} as a little-endian int (the caller checks the bounds). */
    static int intAt(byte[] b, int at) {
        return (int) INTS.get(b, at);
    }

    /** A hash of the bytes {@code [from, to)}: their length and first and last eight bytes. */
    static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long first;
        long last;
        if (len >= 8) {
            first = (long) LONGS.get(b, from);
            last = (long) LONGS.get(b, to - 8);
        } else {
            first = 0;
            for (int i = 0; i < len; i++) {
                first |= (b[from + i] & 0xFFL) << (8 * i);
            }
            last = first;
        }
        long h = first * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(last * 0xC2B2AE3D27D4EB4FL, 29) ^ len;
        return (int) (h ^ (h >>> 32));
    }

    /** The index of the first {@code '\n'} in {@code [from, to)}, or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int p = from;
        while (p + 8 <= to) {
            long v = (long) LONGS.get(b, p);
            long hit = zeroBytes(v ^ 0x0A0A0A0A0A0A0A0AL);
            if (hit != 0) {
                return p + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
            p += 8;
        }
        for (; p < to; p++) {
            if (b[p] == '\n') {
                return p;
            }
        }
        return -1;
    }
}
