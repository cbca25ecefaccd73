package io.egress.telemetry.evtx;

/**
 * Internal signal that bytes do not follow the EVTX format. It never leaves this package: the reader
 * catches it at record or chunk level and reports a {@link io.egress.telemetry.event.Malformed}.
 */
final class EvtxFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvtxFormatException(String message) {
        super(message, null, false, false);
    }
}
