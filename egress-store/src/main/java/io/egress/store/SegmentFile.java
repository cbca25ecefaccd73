package io.egress.store;

import java.nio.file.Path;

/** A segment listed in a store: its table (the directory it lies in) and its file. */
public record SegmentFile(String table, Path path) {
    public String name() {
        return path.getFileName().toString();
    }
}
