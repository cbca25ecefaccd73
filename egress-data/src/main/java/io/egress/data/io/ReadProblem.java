package io.egress.data.io;

import java.util.Objects;

/** A malformed row or value found while reading a file: where it is and why it was rejected. */
public record ReadProblem(String source, long line, String reason) {
    public ReadProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
