package io.egress.telemetry;

import io.egress.data.Table;
import io.egress.telemetry.event.Malformed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link TelemetryLoader#load}: every table (Defender tables and raw per-source tables,
 * empty ones included, so queries bind), one report per input, and — in strict mode — the problem that
 * stopped the load.
 */
public record LoadResult(Map<String, Table> tables, List<FileReport> files, Optional<Malformed> stoppedAt) {
    public LoadResult {
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        files = List.copyOf(files);
    }

    public long totalRecords() {
        return files.stream().mapToLong(FileReport::records).sum();
    }

    public long totalMalformed() {
        return files.stream().mapToLong(FileReport::malformed).sum();
    }

    /** Rows in one table (0 when the table is unknown). */
    public long rows(String table) {
        Table t = tables.get(table);
        return t == null ? 0 : t.rowCount();
    }

    /** The latest event time seen in any input: detections use it as "now" for {@code ago()}. */
    public Optional<Instant> latestEventTime() {
        return files.stream().map(FileReport::lastTime).filter(java.util.Objects::nonNull).max(Instant::compareTo);
    }

    public Optional<Instant> earliestEventTime() {
        return files.stream().map(FileReport::firstTime).filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }
}
