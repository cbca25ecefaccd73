package io.egress.store.format;

import io.egress.data.ScalarType;
import java.util.Optional;

/**
 * How one column block's values are laid out before compression (docs/store.md). The id is stored in
 * the segment header; ids are never reused for another layout.
 */
public enum Encoding {
    /** Booleans, one bit each, least significant bit first. */
    BITS(1),
    /** Zigzag varint per value (int). */
    ZIGZAG_VARINT(2),
    /** Zigzag varint of the difference to the previous non-null value (long). */
    DELTA_VARINT(3),
    /** IEEE 754 bits, 8 bytes little-endian (real). */
    FIXED8(4),
    /** Two longs per value, most significant first, 16 bytes little-endian each half (guid). */
    FIXED16(5),
    /** Seconds as a delta zigzag varint, then nanoseconds as a varint (datetime, timespan). */
    SECONDS_NANOS(6),
    /** A dictionary of distinct UTF-8 texts, then one varint id per value (string, dynamic JSON text, decimal text). */
    DICTIONARY(7),
    /**
     * As {@link #DICTIONARY_FIXED}, followed by a {@link TermIndex} of the dictionary (format version 2,
     * string columns with many distinct values).
     */
    DICTIONARY_TERMS(8),
    /**
     * A dictionary as in {@link #DICTIONARY}, then a byte giving the id width W (1 to 4), then W bytes
     * (little-endian) per row, null rows included, a null row holding the id one past the dictionary
     * (format version 2; from version 3 also int and long blocks of few distinct values, their entries
     * in decimal).
     */
    DICTIONARY_FIXED(9);

    private final int id;

    Encoding(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Optional<Encoding> byId(int id) {
        for (Encoding e : values()) {
            if (e.id == id) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether a block of {@code type} may have this encoding in a segment of format {@code version}. */
    public boolean fits(ScalarType type, int version) {
        if (this == forType(type)) {
            return true;
        }
        if (version >= 3 && this == DICTIONARY_FIXED && (type == ScalarType.INT || type == ScalarType.LONG)) {
            return true;
        }
        return version >= 2 && forType(type) == DICTIONARY
                && (this == DICTIONARY_FIXED || (this == DICTIONARY_TERMS && type == ScalarType.STRING));
    }

    /** The layout version 1 writes for a type (version 2 may write {@link #DICTIONARY_TERMS} for strings instead). */
    public static Encoding forType(ScalarType type) {
        return switch (type) {
            case BOOL -> BITS;
            case INT -> ZIGZAG_VARINT;
            case LONG -> DELTA_VARINT;
            case REAL -> FIXED8;
            case GUID -> FIXED16;
            case DATETIME, TIMESPAN -> SECONDS_NANOS;
            case STRING, DYNAMIC, DECIMAL -> DICTIONARY;
        };
    }
}
