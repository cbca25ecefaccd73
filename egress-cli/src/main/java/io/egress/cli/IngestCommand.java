package io.egress.cli;

import io.egress.store.Ingest;
import io.egress.store.Partitioning;
import io.egress.store.Store;
import io.egress.store.StoreException;
import io.egress.store.StoreWriter;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egress ingest}: appends telemetry to a store of compressed, time-partitioned columnar segments. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads telemetry (every format detect reads) and appends it to a store (docs/store.md):"
                + " per table, time-partitioned, compressed columnar segments. Query it with"
                + " 'egress query --store DIR' and 'egress detect --store DIR'.",
                "Exit codes: 0 ok, 2 usage or input errors."})
public final class IngestCommand implements Callable<Integer> {
    private static final int MAX_WARNINGS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Telemetry files or folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--store", paramLabel = "DIR", required = true,
            description = "The store: created when absent (an empty or new directory), appended to otherwise.")
    Path store;

    @Option(names = "--partition", paramLabel = "hour|day", defaultValue = "hour",
            description = "Segment time partition of a new store (default: ${DEFAULT-VALUE}); an existing store keeps its own.")
    String partition;

    @Option(names = "--max-segment-rows", paramLabel = "N", defaultValue = "" + StoreWriter.DEFAULT_MAX_ROWS,
            description = "Rows per segment at most (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() {
        return CliText.run(spec, this::run);
    }

    private int run(PrintWriter out, PrintWriter err) throws UserError {
        Partitioning partitioning = Partitioning.fromLabel(partition)
                .orElseThrow(() -> new UserError("unknown --partition '" + partition + "' (use hour or day)"));
        if (maxRows < 1) {
            throw new UserError("--max-segment-rows must be at least 1");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UserError("cannot read " + path + ": no such file or folder");
            }
        }
        Store target;
        try {
            target = Store.openOrCreate(store, partitioning);
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        }
        long started = System.nanoTime();
        DetectCommand.Progress progress = new DetectCommand.Progress(err);
        Ingest.Report report;
        try {
            report = new Ingest(new TelemetryLoader(), maxRows).ingest(paths, target, progress);
        } catch (IOException e) {
            throw new UserError("cannot write to the store " + store + ": " + CliText.reason(e));
        } finally {
            progress.finish();
        }
        int shown = 0;
        Map<String, Integer> formats = new TreeMap<>();
        long malformed = 0;
        for (FileReport file : report.files()) {
            if (!file.format().equals("skipped") && !file.format().equals("empty")) {
                formats.merge(file.format(), 1, Integer::sum);
            }
            malformed += file.malformed();
            for (var problem : file.problems()) {
                if (shown++ < MAX_WARNINGS) {
                    err.println("warning: " + problem);
                }
            }
        }
        if (shown > MAX_WARNINGS) {
            err.println("warning: ... " + (shown - MAX_WARNINGS) + " more problems (egress inspect lists them)");
        }
        Map<String, Integer> segments = new TreeMap<>();
        report.segments().forEach(s -> segments.merge(s.header().table(), 1, Integer::sum));
        long bytes = 0;
        for (StoreWriter.Written s : report.segments()) {
            try {
                bytes += Files.size(s.path());
            } catch (IOException e) {
                // size is informational only
            }
        }
        out.println("ingested into " + store + " (" + target.partitioning().label() + " partitions)");
        out.println("  files      " + formats.values().stream().mapToInt(Integer::intValue).sum() + " read " + formats);
        out.println("  rows       " + report.rows() + (malformed > 0 ? " (" + malformed + " malformed records left out)" : ""));
        report.rowsPerTable().forEach((table, rows) -> out.println("    " + table + ": " + rows + " rows, "
                + segments.getOrDefault(table, 0) + " segments"));
        out.println("  written    " + report.segments().size() + " segments, " + String.format("%.1f", bytes / 1048576.0)
                + " MB in " + String.format("%.1f", (System.nanoTime() - started) / 1e9) + " s");
        if (report.coercedValues() > 0) {
            out.println("  converted  " + report.coercedValues() + " values to their column type");
        }
        return 0;
    }
}
