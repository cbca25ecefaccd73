package io.egress.store;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.ExportScanner;
import io.egress.data.io.ReadProblem;
import io.egress.data.io.ScanResult;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code egress ingest}: reads telemetry with the {@link TelemetryLoader} (every format Egress reads),
 * one file at a time so that memory holds one file and the segment buffers, and appends the rows to a
 * store through a {@link StoreWriter}. A Defender export named after its table is streamed instead: the
 * {@link ExportScanner} hands its rows over in batches of a few MB of input, and the writer flushes
 * segments within its memory budget, so memory does not grow with the size of the export.
 */
public final class Ingest {
    private final TelemetryLoader loader;
    private final int maxRowsPerSegment;
    private final long budgetBytes;
    private StoreWriter lastWriter;

    public Ingest() {
        this(new TelemetryLoader(), StoreWriter.DEFAULT_MAX_ROWS);
    }

    public Ingest(TelemetryLoader loader, int maxRowsPerSegment) {
        this(loader, maxRowsPerSegment, StoreWriter.DEFAULT_BUDGET_BYTES);
    }

    /** An ingest whose writer buffers at most about {@code budgetBytes} of rows (see {@link StoreWriter}). */
    public Ingest(TelemetryLoader loader, int maxRowsPerSegment, long budgetBytes) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.maxRowsPerSegment = maxRowsPerSegment;
        this.budgetBytes = budgetBytes;
    }

    /** The writer of the last {@link #ingest} (for its statistics), or null. */
    StoreWriter lastWriter() {
        return lastWriter;
    }

    /** What an ingest did: one report per input (as the loader gives them), segments written, rows per table. */
    public record Report(List<FileReport> files, List<StoreWriter.Written> segments, Map<String, Long> rowsPerTable,
                         long coercedValues) {
        public Report {
            files = List.copyOf(files);
            segments = List.copyOf(segments);
            rowsPerTable = java.util.Collections.unmodifiableMap(new TreeMap<>(rowsPerTable));
        }

        public long rows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Appends the telemetry under {@code paths} (files or folders) to {@code store}. Files inside folders
     * that no reader recognises are skipped quietly, as {@code egress detect} does; a file named
     * explicitly that no reader recognises is reported.
     */
    public Report ingest(List<Path> paths, Store store, Consumer<FileReport> progress) throws IOException {
        Consumer<FileReport> listener = progress == null ? r -> { } : progress;
        StoreWriter writer = new StoreWriter(store, maxRowsPerSegment, budgetBytes);
        lastWriter = writer;
        List<FileReport> reports = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        List<Input> events = new ArrayList<>();
        for (Input input : expand(paths)) {
            FileReport streamed = namedExport(input.path(), writer, rows).orElse(null);
            if (streamed != null) {
                reports.add(streamed);
                listener.accept(streamed);
            } else {
                events.add(input);
            }
        }
        if (!events.isEmpty()) {
            // Event files are loaded together, as egress detect loads them, so a row learns its initiating
            // process from a creation event in another file (PowerShell 4104 beside its Sysmon 1 file).
            LoadResult loaded = loader.load(events.stream().map(Input::path).toList(), LoadOptions.defaults());
            for (FileReport report : loaded.files()) {
                boolean explicit = events.stream().anyMatch(i -> i.explicit() && report.path().startsWith(i.path().toString()));
                FileReport shown = !explicit && report.format().equals("unknown")
                        ? new FileReport(report.path(), "skipped", 0, 0, Map.of(), null, null, List.of()) : report;
                reports.add(shown);
                listener.accept(shown);
            }
            for (Map.Entry<String, Table> table : loaded.tables().entrySet()) {
                if (table.getValue().rowCount() > 0) {
                    writer.add(table.getKey(), table.getValue().schema(), table.getValue().rows());
                    rows.merge(table.getKey(), (long) table.getValue().rowCount(), Long::sum);
                }
            }
        }
        List<StoreWriter.Written> segments = writer.finish();
        return new Report(reports, segments, rows, writer.coercedValues());
    }

    private record Input(Path path, boolean explicit) {
    }

    /**
     * A plain (not compressed) Defender export named after its table ({@code DeviceProcessEvents.json}),
     * as {@code egress query PATH} takes it: read with the streaming, parallel {@link ExportScanner}
     * into that table. Anything else goes through the telemetry loader.
     */
    private Optional<FileReport> namedExport(Path file, StoreWriter writer, Map<String, Long> rows) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        Optional<Schema> schema = DefenderSchemas.schema(dot < 0 ? name : name.substring(0, dot));
        if (schema.isEmpty() || compressed(file)) {
            return Optional.empty();
        }
        String table = dot < 0 ? name : name.substring(0, dot);
        Schema full = schema.get();
        int time = full.indexOf("Timestamp");
        Instant[] range = new Instant[2];
        ExportScanner.StreamResult scan = ExportScanner.stream(file, full, new HashSet<>(full.names()), null,
                Runtime.getRuntime().availableProcessors(), batch -> {
                    if (time >= 0) {
                        for (Object[] row : batch) {
                            if (row[time] instanceof Instant t) {
                                range[0] = range[0] == null || t.isBefore(range[0]) ? t : range[0];
                                range[1] = range[1] == null || t.isAfter(range[1]) ? t : range[1];
                            }
                        }
                    }
                    writer.add(table, full, batch);
                });
        if (scan.rowsKept() > 0) {
            rows.merge(table, scan.rowsKept(), Long::sum);
        }
        List<Malformed> problems = new ArrayList<>();
        for (ReadProblem p : scan.problems()) {
            if (problems.size() < FileReport.MAX_PROBLEMS) {
                problems.add(new Malformed(SourceLocation.line(file.toString(), p.line()), p.reason()));
            }
        }
        return Optional.of(new FileReport(file.toString(), "defender", scan.rowsRead(), scan.problemCount(),
                Map.of(table, scan.rowsKept()), range[0], range[1], problems));
    }

    private static boolean compressed(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        return n >= 2 && ((head[0] == 'P' && head[1] == 'K') || ((head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b));
    }

    /** Files as given; folders walked recursively in sorted order, hidden files left out (as the loader does). */
    private static List<Input> expand(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(p -> out.add(new Input(p, false)));
                }
            } else {
                out.add(new Input(path, true));
            }
        }
        return out;
    }
}
