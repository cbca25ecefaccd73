package io.egress.store.format;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the segment file format (docs/store.md). Version 2 added LZ4 block compression and the
 * {@link Encoding#DICTIONARY_TERMS} encoding; version 3, {@link Encoding#DICTIONARY_FIXED} for int and
 * long blocks of few distinct values and the list of segments a compacted segment replaces. Segments of
 * earlier versions are still read.
 */
public final class SegmentFormat {
    /** First 8 bytes of every segment. */
    static final byte[] MAGIC = {'E', 'G', 'S', 'E', 'G', 0, '\r', '\n'};
    /** The version this code writes; it reads versions 1 to {@code VERSION}. */
    public static final int VERSION = 3;
    /** Block compression ids: deflate (zlib wrapper), and LZ4's block format (version 2 on). */
    static final int DEFLATE = 1;
    static final int LZ4 = 2;
    /** magic + u16 version + u32 header length. */
    static final int PREAMBLE = 8 + 2 + 4;
    /** A header larger than this is taken as corruption. */
    static final int MAX_HEADER = 16 << 20;
    /** The file name suffix of a segment. */
    public static final String SUFFIX = ".egseg";
    public static final String WRITER = "egress 0.1.0";

    private SegmentFormat() {
    }

    static boolean isMagic(byte[] b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static String printable(byte[] b, int len) {
        return new String(b, 0, len, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
    }
}
