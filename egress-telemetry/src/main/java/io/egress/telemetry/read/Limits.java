package io.egress.telemetry.read;

/** Bounds every reader honours, so one hostile or corrupt record can never exhaust memory or the stack. */
public final class Limits {
    /** Longest text line (or JSON line, or syslog line) accepted: 1 MiB. Longer lines are reported and skipped. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    /** Largest single XML event element accepted: 1 MiB of characters. */
    public static final int MAX_XML_EVENT_CHARS = 1 << 20;
    /** Deepest element / JSON nesting accepted. */
    public static final int MAX_DEPTH = 64;
    /** How many bytes of a file format detection looks at. */
    public static final int HEAD_BYTES = 64 * 1024;

    private Limits() {
    }
}
