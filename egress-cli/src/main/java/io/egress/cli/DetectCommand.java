package io.egress.cli;

import io.egress.data.io.ValueConverter;
import io.egress.detect.alert.Alert;
import io.egress.detect.output.AlertJson;
import io.egress.detect.output.AlertTable;
import io.egress.detect.output.CsvAlerts;
import io.egress.detect.output.Style;
import io.egress.detect.output.Summary;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.run.DetectPipeline;
import io.egress.detect.run.DetectRequest;
import io.egress.detect.run.DetectRun;
import io.egress.store.Store;
import io.egress.telemetry.FileReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egress detect}: runs the detection rules over telemetry and prints alerts and a summary. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs detection rules (the bundled T1048.003 pack by default) over telemetry files and folders:"
                + " EVTX, Windows event XML, Winlogbeat/NXLog/evtx_dump JSON, auditd, Sysmon for Linux, Defender exports.",
                "Exit codes: 0 ok, 1 alerts with --fail-on-alert, 2 usage or input errors."})
public final class DetectCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Telemetry files or folders (at least one, or --store).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--store", paramLabel = "DIR",
            description = "Also read a store made by 'egress ingest' (only the tables, columns and time range the rules need).")
    Path store;

    @Option(names = "--rules", paramLabel = "PATH",
            description = "More rules: a Sentinel YAML or .kql file, or a folder of them (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-bundled-rules", description = "Run only the --rules given, not the bundled pack.")
    boolean noBundled;

    @Option(names = "--tuning", paramLabel = "FILE",
            description = "Tuning exclusions (tuning.yaml); 'none' for no tuning. Default: the bundled pack's tuning.yaml.")
    String tuning;

    @Option(names = "--now", paramLabel = "ISO-8601|latest", defaultValue = "latest",
            description = "Anchor for ago(); 'latest' (default) = the newest event time in the input.")
    String now;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, jsonl (one JSON alert per line) or csv (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--fail-on-alert", description = "Exit with 1 when there is any alert.")
    boolean failOnAlert;

    @Option(names = "--show-suppressed", description = "List the rows tuning exclusions hid, with exclusion id and reason.")
    boolean showSuppressed;

    @Option(names = "--width", paramLabel = "COLUMNS", description = "Table width; default: $COLUMNS or 120.")
    Integer width;

    @Override
    public Integer call() {
        return CliText.run(spec, this::run);
    }

    private int run(PrintWriter out, PrintWriter err) throws UserError {
        if (!List.of("table", "jsonl", "csv").contains(output)) {
            throw new UserError("unknown output format '" + output + "' (use table, jsonl or csv)");
        }
        if (paths.isEmpty() && store == null) {
            throw new UserError("give telemetry files or folders (PATH...) or a store (--store DIR)");
        }
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UserError("cannot read " + path + ": no such file or folder");
            }
        }
        Store opened = store == null ? null : StoreTables.open(store);
        Optional<Instant> anchor = parseNow(now);
        boolean noTuning = "none".equalsIgnoreCase(tuning);
        Optional<Path> tuningFile = tuning == null || noTuning ? Optional.empty() : Optional.of(Path.of(tuning));
        if (tuningFile.isPresent() && !Files.isRegularFile(tuningFile.get())) {
            throw new UserError("cannot read --tuning " + tuning + ": no such file");
        }
        if (noBundled && rules.isEmpty()) {
            throw new UserError("--no-bundled-rules needs at least one --rules PATH");
        }
        Style style = Style.detect();
        Progress progress = new Progress(err);
        DetectRequest request = new DetectRequest(paths, !noBundled, rules, tuningFile, noTuning, anchor, progress);
        DetectRun run;
        try {
            run = opened == null ? new DetectPipeline().run(request)
                    : new DetectPipeline().run(request, new StoreSource(opened, paths, progress, err));
        } catch (StoreSource.Failure e) {
            throw e.error;
        } finally {
            progress.finish();
        }
        for (RuleProblem problem : run.allProblems()) {
            Summary.problem(problem).forEach(err::println);
        }
        if (run.rules().isEmpty()) {
            err.println("error: no rule could run");
            return 2;
        }
        int columns = width != null ? width : terminalWidth();
        List<Alert> alerts = run.report().alerts();
        PrintWriter summaryTo = output.equals("table") ? out : err;
        switch (output) {
            case "jsonl" -> alerts.forEach(a -> out.println(AlertJson.line(a)));
            case "csv" -> {
                out.println(CsvAlerts.header());
                alerts.forEach(a -> out.println(CsvAlerts.row(a)));
            }
            default -> {
                if (alerts.isEmpty()) {
                    out.println("No alerts.");
                } else {
                    AlertTable.render(alerts, columns, style).forEach(out::println);
                }
                out.println();
            }
        }
        if (showSuppressed) {
            Summary.suppressed(run, columns, style).forEach(summaryTo::println);
            summaryTo.println();
        }
        Summary.render(run, output.equals("table") ? style : Style.PLAIN).forEach(summaryTo::println);
        return failOnAlert && !alerts.isEmpty() ? 1 : 0;
    }

    static Optional<Instant> parseNow(String text) throws UserError {
        if (text == null || text.equalsIgnoreCase("latest")) {
            return Optional.empty();
        }
        return Optional.of(ValueConverter.parseDateTime(text).orElseThrow(() -> new UserError("--now '" + text
                + "' is not a datetime (use ISO-8601, e.g. 2026-11-20T12:00:00Z, or 'latest')")));
    }

    static int terminalWidth() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120")));
        } catch (NumberFormatException e) {
            return 120;
        }
    }

    /** A progress line on stderr for long inputs: only on a terminal, and only once reading takes over a second. */
    static final class Progress implements Consumer<FileReport> {
        private final PrintWriter err;
        private final boolean terminal = System.console() != null;
        private final long started = System.nanoTime();
        private int files;
        private long records;
        private boolean shown;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void accept(FileReport report) {
            files++;
            records += report.records();
            if (terminal && System.nanoTime() - started > 1_000_000_000L) {
                String name = report.path().length() > 50 ? "…" + report.path().substring(report.path().length() - 49) : report.path();
                err.print("\rreading: " + files + " files, " + records + " records  " + name + "\u001b[K");
                err.flush();
                shown = true;
            }
        }

        void finish() {
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
