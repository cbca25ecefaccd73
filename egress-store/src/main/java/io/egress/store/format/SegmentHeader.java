package io.egress.store.format;

import io.egress.data.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a segment says about itself, read without touching its column blocks: the table and schema, the
 * row count, the time column and the range of its non-null values (both null when there is none),
 * one {@link BlockInfo} per column, and (version 3) the file names of the segments of its table that it
 * replaces: a compaction's output, whose rows are theirs, so readers skip them.
 */
public record SegmentHeader(int version, String table, Schema schema, int rowCount, Optional<String> timeColumn,
                            Instant minTime, Instant maxTime, String writer, Instant created, List<BlockInfo> blocks,
                            long dataStart, List<String> replaces) {
    public SegmentHeader {
        blocks = List.copyOf(blocks);
        replaces = List.copyOf(replaces);
    }

    public boolean hasTimeRange() {
        return minTime != null && maxTime != null;
    }
}
