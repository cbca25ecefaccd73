package io.egress.telemetry.read;

import io.egress.telemetry.event.EventSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes one telemetry format into {@link io.egress.telemetry.event.RawEvent}s. A reader streams:
 * memory stays constant per file whatever its size. Bad records go to {@link EventSink#malformed} and the
 * read goes on; only an I/O failure of the stream itself throws.
 */
public interface TelemetryReader {
    /** A short stable name, e.g. {@code evtx}, {@code windows-xml}, {@code auditd}. */
    String format();

    /** Whether these first bytes of a file (up to 64 KiB, fewer for short files) look like this format. */
    boolean accepts(byte[] head, int length);

    /** Reads the whole stream. {@code file} is the name to put in locations. */
    void read(InputStream in, String file, EventSink sink) throws IOException;
}
