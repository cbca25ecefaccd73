package io.egress.telemetry;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.normalize.Mappings;
import io.egress.telemetry.normalize.Normalizer;
import io.egress.telemetry.read.Limits;
import io.egress.telemetry.read.TelemetryReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads telemetry files into tables: detects each input's format from its content (gzip and zip opened
 * transparently, every zip member read), decodes it with the matching reader, and normalizes every event
 * into the Defender tables and the raw per-source tables. The entry point detect and the CLI use.
 */
public final class TelemetryLoader {
    private static final int MAX_ARCHIVE_DEPTH = 3;

    private final Mappings mappings;

    public TelemetryLoader() {
        this(Mappings.builtIn());
    }

    public TelemetryLoader(Mappings mappings) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
    }

    /** Every table a load can fill: the Defender tables (with Sentinel columns) and the raw per-source tables. */
    public static Map<String, Schema> schemas() {
        Map<String, Schema> all = new LinkedHashMap<>(DefenderSchemas.all());
        all.putAll(Mappings.builtIn().rawSchemas());
        return Collections.unmodifiableMap(all);
    }

    /**
     * Reads every input. Inputs are read in parallel (one per core) into their own row lists and merged in
     * input order, so the tables, the reports and the progress callbacks come out as a sequential read
     * would give them; in strict mode nothing after the first failing input is kept.
     */
    public LoadResult load(List<Path> paths, LoadOptions options) {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(options, "options");
        Map<String, Schema> schemas = new LinkedHashMap<>(DefenderSchemas.all());
        schemas.putAll(mappings.rawSchemas());
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        schemas.keySet().forEach(name -> rows.put(name, new ArrayList<>()));
        List<FileReport> reports = new ArrayList<>();
        Malformed stoppedAt = null;
        List<InputWalker.Input> inputs;
        try {
            inputs = InputWalker.expand(paths);
        } catch (IOException e) {
            inputs = List.of();
            Malformed problem = new Malformed(SourceLocation.line(String.valueOf(paths), -1), "cannot list inputs: " + e);
            reports.add(failed(String.valueOf(paths), problem));
        }
        int threads = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "egress-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<InputLoad>> pending = new ArrayList<>();
            for (InputWalker.Input input : inputs) {
                pending.add(pool.submit(() -> loadInput(input, schemas.keySet(), options)));
            }
            for (Future<InputLoad> future : pending) {
                InputLoad loaded = join(future);
                loaded.rows().forEach((table, tableRows) -> rows.get(table).addAll(tableRows));
                for (FileReport report : loaded.reports()) {
                    reports.add(report);
                    options.progress().accept(report);
                }
                if (loaded.stop() != null) {
                    stoppedAt = loaded.stop();
                    pending.forEach(f -> f.cancel(true));
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        ProcessEnrichment.fill(rows, schemas);
        Map<String, Table> tables = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> tables.put(name, Table.of(schema, rows.get(name))));
        return new LoadResult(tables, reports, Optional.ofNullable(stoppedAt));
    }

    /** What one input gave: rows per table, its file reports (archives give several), and a strict-mode stop. */
    private record InputLoad(Map<String, List<Object[]>> rows, List<FileReport> reports, Malformed stop) {
    }

    private InputLoad loadInput(InputWalker.Input input, java.util.Set<String> tables, LoadOptions options) {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        tables.forEach(name -> rows.put(name, new ArrayList<>()));
        List<FileReport> reports = new ArrayList<>();
        Run run = new Run(rows, options);
        try (InputStream in = Files.newInputStream(input.path())) {
            open(in, input.name(), input.explicit(), 0, run, reports, options);
        } catch (StopLoad stop) {
            return new InputLoad(rows, reports, stop.problem);
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file" : "cannot read: " + e.getMessage();
            FileReport report = failed(input.name(), new Malformed(SourceLocation.line(input.name(), -1), reason));
            reports.add(report);
            if (options.strict()) {
                return new InputLoad(rows, reports, report.problems().get(0));
            }
        }
        return new InputLoad(rows, reports, null);
    }

    private static InputLoad join(Future<InputLoad> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading telemetry", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static FileReport failed(String name, Malformed problem) {
        return new FileReport(name, "unreadable", 0, 1, Map.of(), null, null, List.of(problem));
    }

    /** Opens one stream: archives and gzip by their magic bytes, anything else by format detection. */
    private void open(InputStream raw, String name, boolean explicit, int depth, Run run, List<FileReport> reports,
                      LoadOptions options) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        byte[] head = new byte[Limits.HEAD_BYTES];
        in.mark(Limits.HEAD_BYTES + 1);
        int length = in.readNBytes(head, 0, head.length);
        in.reset();
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4 && depth < MAX_ARCHIVE_DEPTH) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String member = entry.getName();
                String leaf = member.substring(member.lastIndexOf('/') + 1);
                if (entry.isDirectory() || member.startsWith("__MACOSX/") || leaf.startsWith("._")) {
                    continue;
                }
                open(nonClosing(zip), name + "!" + member, explicit, depth + 1, run, reports, options);
            }
            return;
        }
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b && depth < MAX_ARCHIVE_DEPTH) {
            open(new GZIPInputStream(in, 64 * 1024), name, explicit, depth + 1, run, reports, options);
            return;
        }
        FileReport report = read(in, name, explicit, head, length, run, options);
        reports.add(report);
        if (run.stop != null) {
            throw new StopLoad(run.stop);
        }
    }

    private FileReport read(InputStream in, String name, boolean explicit, byte[] head, int length, Run run, LoadOptions options) {
        if (length == 0) {
            return new FileReport(name, "empty", 0, 0, Map.of(), null, null, List.of());
        }
        if (DefenderExports.accepts(head, length)) {
            return readDefender(in, name, run);
        }
        Optional<TelemetryReader> reader = Readers.detect(head, length);
        if (reader.isEmpty()) {
            if (!explicit) {
                return new FileReport(name, "skipped", 0, 0, Map.of(), null, null, List.of());
            }
            Malformed problem = new Malformed(SourceLocation.line(name, 1),
                    "format not recognised (expected Windows event XML or JSON, auditd, syslog, or a zip/gzip of them)");
            if (options.strict()) {
                run.stop = problem;
            }
            return new FileReport(name, "unknown", 0, 1, Map.of(), null, null, List.of(problem));
        }
        FileRun file = new FileRun(run, new Normalizer(mappings));
        try {
            reader.get().read(in, name, file);
        } catch (StopFile stop) {
            // strict mode: the problem is already recorded
        } catch (IOException | RuntimeException e) {
            if (e instanceof StopLoad) {
                throw (StopLoad) e;
            }
            file.malformed(new Malformed(SourceLocation.line(name, -1), "read failed: " + e));
        }
        return new FileReport(name, reader.get().format(), file.records, file.malformedCount, file.rowsPerTable,
                file.first, file.last, file.problems);
    }

    private static FileReport readDefender(InputStream in, String name, Run run) {
        DefenderExports.Loaded loaded;
        try {
            loaded = DefenderExports.read(in, name);
        } catch (IOException | RuntimeException e) {
            Malformed problem = new Malformed(SourceLocation.line(name, -1), "read failed: " + e);
            if (run.options.strict()) {
                run.stop = problem;
            }
            return new FileReport(name, DefenderExports.FORMAT, 0, 1, Map.of(), null, null, List.of(problem));
        }
        if (run.options.strict() && !loaded.problems().isEmpty()) {
            run.stop = loaded.problems().get(0);
        }
        Map<String, Long> perTable = new TreeMap<>();
        long records = 0;
        Instant first = null;
        Instant last = null;
        for (Map.Entry<String, List<Object[]>> entry : loaded.rows().entrySet()) {
            run.rows.get(entry.getKey()).addAll(entry.getValue());
            perTable.put(entry.getKey(), (long) entry.getValue().size());
            records += entry.getValue().size();
            int timestamp = DefenderSchemas.schema(entry.getKey()).orElseThrow().indexOf("Timestamp");
            for (Object[] row : entry.getValue()) {
                if (row[timestamp] instanceof Instant time) {
                    first = first == null || time.isBefore(first) ? time : first;
                    last = last == null || time.isAfter(last) ? time : last;
                }
            }
        }
        List<Malformed> problems = loaded.problems();
        return new FileReport(name, DefenderExports.FORMAT, records, problems.size(), perTable, first, last,
                problems.subList(0, Math.min(problems.size(), FileReport.MAX_PROBLEMS)));
    }

    private static InputStream nonClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    /** State of one load. */
    private static final class Run {
        final Map<String, List<Object[]>> rows;
        final LoadOptions options;
        Malformed stop;

        Run(Map<String, List<Object[]>> rows, LoadOptions options) {
            this.rows = rows;
            this.options = options;
        }
    }

    /** Sink for one input: normalizes events and counts what happened. */
    private static final class FileRun implements EventSink {
        final Run run;
        final Normalizer normalizer;
        final Map<String, Long> rowsPerTable = new TreeMap<>();
        final List<Malformed> problems = new ArrayList<>();
        long records;
        long malformedCount;
        Instant first;
        Instant last;

        FileRun(Run run, Normalizer normalizer) {
            this.run = run;
            this.normalizer = normalizer;
        }

        @Override
        public void event(RawEvent event) {
            records++;
            Instant time = event.time();
            if (time != null) {
                first = first == null || time.isBefore(first) ? time : first;
                last = last == null || time.isAfter(last) ? time : last;
            }
            try {
                normalizer.accept(event, (table, row) -> {
                    run.rows.get(table).add(row);
                    rowsPerTable.merge(table, 1L, Long::sum);
                });
            } catch (RuntimeException e) {
                malformed(new Malformed(event.location(), "cannot normalize: " + e));
            }
        }

        @Override
        public void malformed(Malformed problem) {
            malformedCount++;
            if (problems.size() < FileReport.MAX_PROBLEMS) {
                problems.add(problem);
            }
            if (run.options.strict()) {
                run.stop = problem;
                throw new StopFile();
            }
        }
    }

    /** Thrown through a reader to end the current file in strict mode. */
    private static final class StopFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopFile() {
            super(null, null, false, false);
        }
    }

    /** Ends the whole load in strict mode. */
    private static final class StopLoad extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Malformed problem;

        StopLoad(Malformed problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
