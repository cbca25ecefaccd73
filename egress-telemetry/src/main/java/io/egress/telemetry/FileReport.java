package io.egress.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was read from one input (a file, or one member of a zip: {@code archive.zip!member.json}):
 * its detected format ({@code unknown} when none matched), events decoded, malformed records, rows added
 * per table, the event time range (null when no event had a time), and the first problems (at most
 * {@link #MAX_PROBLEMS}; {@code malformed} counts them all).
 */
public record FileReport(
        String path,
        String format,
        long records,
        long malformed,
        Map<String, Long> rowsPerTable,
        Instant firstTime,
        Instant lastTime,
        List<io.egress.telemetry.event.Malformed> problems) {
    public static final int MAX_PROBLEMS = 100;

    public FileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rowsPerTable));
        problems = List.copyOf(problems);
    }

    /** Rows added to one table (0 when none). */
    public long rows(String table) {
        return rowsPerTable.getOrDefault(table, 0L);
    }
}
