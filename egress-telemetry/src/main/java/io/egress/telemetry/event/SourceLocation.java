package io.egress.telemetry.event;

import java.util.Objects;

/**
 * A place in an input: the file as the user named it (or as found under a named folder), and a line
 * number (1-based, text formats) or a byte offset (binary formats), -1 where not applicable.
 */
public record SourceLocation(String file, long line, long offset) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    public static SourceLocation line(String file, long line) {
        return new SourceLocation(file, line, -1);
    }

    public static SourceLocation offset(String file, long offset) {
        return new SourceLocation(file, -1, offset);
    }

    @Override
    public String toString() {
        if (line >= 0) {
            return file + ":" + line;
        }
        if (offset >= 0) {
            return file + "@0x" + Long.toHexString(offset);
        }
        return file;
    }
}
