package io.egress.telemetry.read;

/** A record that cannot be decoded; the reader reports it as malformed and goes on. */
public final class RecordException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordException(String reason) {
        super(reason, null, false, false);
    }
}
