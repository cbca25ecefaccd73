package io.egress.store.format;

/** A segment that cannot be trusted: bad magic, unknown version, checksum mismatch, truncated or undecodable block. */
public final class CorruptSegmentException extends Exception {
    private static final long serialVersionUID = 1L;

    public CorruptSegmentException(String reason) {
        super(reason, null, false, false);
    }

    /** Thrown inside decoders; {@link SegmentReader} turns it into the checked form. */
    static final class Unchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unchecked(String reason) {
            super(reason, null, false, false);
        }
    }
}
