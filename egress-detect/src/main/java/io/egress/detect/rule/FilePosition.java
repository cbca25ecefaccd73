package io.egress.detect.rule;

import java.util.Objects;

/** A 1-based line and column in a named file; prints as {@code file:line:col}. */
public record FilePosition(String file, int line, int column) {
    public FilePosition {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
