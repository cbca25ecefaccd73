package io.egress.kql.engine.functions.operators;

/**
 * A set of ASCII characters as two 64-bit masks (bit c of {@code low} for c < 64, bit c - 64 of
 * {@code high} otherwise): the character classes of the regular expressions {@link RegexPrefilter} and
 * {@link ClassSequence} read, with RE2's meaning of {@code \d}, {@code \w} and {@code \s} (ASCII only).
 */
record AsciiSet(long low, long high) {
    static final AsciiSet EMPTY = new AsciiSet(0, 0);

    /** The characters {@code from} to {@code to} (both ASCII). */
    static AsciiSet range(int from, int to) {
        long low = 0;
        long high = 0;
        for (int c = from; c <= to; c++) {
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        return new AsciiSet(low, high);
    }

    static AsciiSet of(int c) {
        return range(c, c);
    }

    /** RE2's {@code \d}, {@code \w} or {@code \s}; null for any other letter. */
    static AsciiSet perl(char name) {
        return switch (name) {
            case 'd' -> range('0', '9');
            case 'w' -> range('0', '9').with(range('A', 'Z')).with(range('a', 'z')).with(of('_'));
            case 's' -> range('\t', '\n').with(range('\f', '\r')).with(of(' '));
            default -> null;
        };
    }

    AsciiSet with(AsciiSet other) {
        return new AsciiSet(low | other.low, high | other.high);
    }

    boolean contains(int c) {
        return c < 64 ? (low >>> c & 1) != 0 : c < 128 && (high >>> (c - 64) & 1) != 0;
    }

    /** The smallest member (128 when empty). */
    int first() {
        return low != 0 ? Long.numberOfTrailingZeros(low) : 64 + Long.numberOfTrailingZeros(high);
    }

    int size() {
        return Long.bitCount(low) + Long.bitCount(high);
    }

    /** The set with the other case of each ASCII letter added (a case-insensitive pattern's class). */
    AsciiSet folded() {
        long lowerLetters = high & 0x07FFFFFE00000000L; // a-z: bits 33-58 of high (97-122)
        long upperLetters = high & 0x0000000007FFFFFEL; // A-Z: bits 1-26 of high (65-90)
        return new AsciiSet(low, high | lowerLetters >>> 32 | upperLetters << 32);
    }
}
