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
 * store through a {@link StoreWriter}. A Defender export named after its table is read with the
 * streaming {@link ExportScanner} instead, as {@code egress query PATH} reads it.
 */
public final class Ingest {
    private final TelemetryLoader loader;
    private final int maxRowsPerSegment;

    public Ingest() {
        this(new TelemetryLoader(), StoreWriter.DEFAULT_MAX_ROWS);
    }

    public Ingest(TelemetryLoader loader, int maxRowsPerSegment) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.maxRowsPerSegment = maxRowsPerSegment;
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
        StoreWriter writer = new StoreWriter(store, maxRowsPerSegment);
        List<FileReport> reports = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        for (Input input : expand(paths)) {
            LoadResult loaded = namedExport(input.path()).orElse(null);
            if (loaded == null) {
                loaded = loader.load(List.of(input.path()), LoadOptions.defaults());
            }
            for (FileReport report : loaded.files()) {
                FileReport shown = !input.explicit() && report.format().equals("unknown")
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
    private Optional<LoadResult> namedExport(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        Optional<Schema> schema = DefenderSchemas.schema(dot < 0 ? name : name.substring(0, dot));
        if (schema.isEmpty() || compressed(file)) {
            return Optional.empty();
        }
        String table = dot < 0 ? name : name.substring(0, dot);
        ScanResult scan = ExportScanner.scan(file, schema.get(), new HashSet<>(schema.get().names()), null,
                Runtime.getRuntime().availableProcessors());
        int time = schema.get().indexOf("Timestamp");
        Instant first = null;
        Instant last = null;
        for (Object[] row : scan.table().rows()) {
            if (time >= 0 && row[time] instanceof Instant t) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        List<Malformed> problems = new ArrayList<>();
        for (ReadProblem p : scan.problems()) {
            if (problems.size() < FileReport.MAX_PROBLEMS) {
                problems.add(new Malformed(SourceLocation.line(file.toString(), p.line()), p.reason()));
            }
        }
        FileReport report = new FileReport(file.toString(), "defender", scan.rowsRead(), scan.problemCount(),
                Map.of(table, (long) scan.table().rowCount()), first, last, problems);
        return Optional.of(new LoadResult(Map.of(table, scan.table()), List.of(report), Optional.empty()));
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
