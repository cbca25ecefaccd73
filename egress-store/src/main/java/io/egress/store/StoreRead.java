package io.egress.store;

import io.egress.data.Table;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a store read: the tables (columnar, only the planned columns filled), the segments
 * skipped as corrupt, and counts of what was read and what the time bound let us skip.
 *
 * @param segments one entry per segment read (path, table, rows, time range)
 */
public record StoreRead(Map<String, Table> tables, List<SegmentProblem> problems, List<SegmentInfo> segments,
                        int segmentsSkippedByTime, long storedBytesRead) {
    public StoreRead {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        problems = List.copyOf(problems);
        segments = List.copyOf(segments);
    }

    /** A segment that was read. */
    public record SegmentInfo(String path, String table, int rows, Instant minTime, Instant maxTime) {
    }

    public long rows() {
        return segments.stream().mapToLong(SegmentInfo::rows).sum();
    }

    /** The newest time of any segment read. */
    public Optional<Instant> latestTime() {
        return segments.stream().map(SegmentInfo::maxTime).filter(java.util.Objects::nonNull).max(Instant::compareTo);
    }

    /**
     * The read as a telemetry {@link LoadResult} (one report per segment, format {@code egress-store};
     * corrupt segments as {@code unreadable} with their reason), so that detect can run over a store as
     * over files. {@code schemas} adds the empty tables a load always has.
     */
    public LoadResult toLoadResult(Map<String, Table> emptyTables) {
        Map<String, Table> all = new LinkedHashMap<>(emptyTables);
        all.putAll(tables);
        List<FileReport> reports = new ArrayList<>();
        for (SegmentInfo s : segments) {
            reports.add(new FileReport(s.path(), "egress-store", s.rows(), 0, Map.of(s.table(), (long) s.rows()),
                    s.minTime(), s.maxTime(), List.of()));
        }
        for (SegmentProblem p : problems) {
            reports.add(new FileReport(p.file().toString(), "unreadable", 0, 1, Map.of(), null, null,
                    List.of(new Malformed(SourceLocation.line(p.file().toString(), -1), "corrupt segment skipped: " + p.reason()))));
        }
        return new LoadResult(all, reports, Optional.empty());
    }
}
