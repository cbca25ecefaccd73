package io.egress.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.data.ValueFormat;
import io.egress.telemetry.FileReport;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import io.egress.telemetry.event.Malformed;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egress inspect}: what each telemetry file is, what was read from it, and what could not be. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Reads telemetry files (folders walked, .gz and .zip opened) and reports per file: detected format, "
                + "records read, rows per table, malformed records with their location, and the time range."})
public final class InspectCommand implements Callable<Integer> {
    /** How output is written. */
    enum Output { table, jsonl }

    private static final int SHOWN_PROBLEMS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--output", defaultValue = "table", description = "table or jsonl (one JSON object per file). Default: ${DEFAULT-VALUE}.")
    Output output;

    @Option(names = "--strict", description = "Stop at the first malformed record and exit with status 1.")
    boolean strict;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = new TelemetryLoader().load(paths, new LoadOptions(strict, null));
        if (output == Output.jsonl) {
            ObjectMapper json = new ObjectMapper();
            for (FileReport report : result.files()) {
                out.println(json(json, report));
            }
        } else {
            table(out, result);
        }
        out.flush();
        if (result.stoppedAt().isPresent()) {
            Malformed problem = result.stoppedAt().get();
            err.println("egress inspect: stopped at " + problem.location() + ": " + problem.reason());
            err.println("  hint: run without --strict to read past malformed records and list them all");
            err.flush();
            return 1;
        }
        boolean unreadable = result.files().stream().anyMatch(f -> f.format().equals("unreadable"));
        return unreadable ? 2 : 0;
    }

    static String json(ObjectMapper json, FileReport report) {
        ObjectNode node = json.createObjectNode();
        node.put("path", report.path());
        node.put("format", report.format());
        node.put("records", report.records());
        node.put("malformed", report.malformed());
        ObjectNode rows = node.putObject("rowsPerTable");
        report.rowsPerTable().forEach(rows::put);
        node.put("firstTime", time(report.firstTime()));
        node.put("lastTime", time(report.lastTime()));
        ArrayNode problems = node.putArray("problems");
        for (Malformed problem : report.problems()) {
            ObjectNode p = problems.addObject();
            if (problem.location().line() >= 0) {
                p.put("line", problem.location().line());
            }
            if (problem.location().offset() >= 0) {
                p.put("offset", problem.location().offset());
            }
            p.put("reason", problem.reason());
        }
        return node.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? null : ValueFormat.datetime(instant);
    }

    private static void table(PrintWriter out, LoadResult result) {
        String format = "%-17s %9s %9s  %-28s  %-28s  %s%n";
        out.printf(format, "FORMAT", "RECORDS", "MALFORMED", "FIRST", "LAST", "PATH");
        for (FileReport report : result.files()) {
            out.printf(format, report.format(), report.records(), report.malformed(),
                    orDash(report.firstTime()), orDash(report.lastTime()), report.path());
            if (!report.rowsPerTable().isEmpty()) {
                StringBuilder rows = new StringBuilder("    rows:");
                for (Map.Entry<String, Long> entry : new java.util.TreeMap<>(report.rowsPerTable()).entrySet()) {
                    rows.append(' ').append(entry.getKey()).append('=').append(entry.getValue());
                }
                out.println(rows);
            }
            int shown = 0;
            for (Malformed problem : report.problems()) {
                if (shown++ == SHOWN_PROBLEMS) {
                    out.println("    ... " + (report.malformed() - SHOWN_PROBLEMS) + " more (use --output jsonl to see up to "
                            + FileReport.MAX_PROBLEMS + ")");
                    break;
                }
                out.println("    " + problem.location() + ": " + problem.reason());
            }
        }
        out.printf("%d file(s), %d record(s), %d malformed; rows: %s%n", result.files().size(), result.totalRecords(),
                result.totalMalformed(), totals(result));
    }

    private static String totals(LoadResult result) {
        StringBuilder out = new StringBuilder();
        result.tables().forEach((name, table) -> {
            if (table.rowCount() > 0) {
                out.append(out.length() == 0 ? "" : ", ").append(name).append('=').append(table.rowCount());
            }
        });
        return out.length() == 0 ? "none" : out.toString();
    }

    private static String orDash(Instant instant) {
        return instant == null ? "-" : ValueFormat.datetime(instant);
    }
}
