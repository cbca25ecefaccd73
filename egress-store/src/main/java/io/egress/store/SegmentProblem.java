package io.egress.store;

import java.nio.file.Path;

/** A segment that was skipped because it cannot be read: the file and why. */
public record SegmentProblem(Path file, String reason) {
    @Override
    public String toString() {
        return file + ": " + reason + " (segment skipped)";
    }
}
