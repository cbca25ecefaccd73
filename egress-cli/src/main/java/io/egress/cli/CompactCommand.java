package io.egress.cli;

import io.egress.store.Compactor;
import io.egress.store.SegmentProblem;
import io.egress.store.Store;
import io.egress.store.StoreException;
import io.egress.store.StoreWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code egress compact}: merges a store's small segments (docs/store.md, "Compaction"). */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Merges the small segments of each partition of a store (left by many appends, a small"
                + " heap or out-of-order telemetry) into larger ones, so reads open fewer files. Safe to run"
                + " beside ingests and queries, and to interrupt: every row stays readable exactly once.",
                "Exit codes: 0 ok, 2 usage or store errors."})
public final class CompactCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", required = true, description = "The store to compact.")
    java.nio.file.Path store;

    @Option(names = "--table", paramLabel = "TABLE", description = "Only these tables (default: every table).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--max-segment-rows", paramLabel = "N", defaultValue = "" + StoreWriter.DEFAULT_MAX_ROWS,
            description = "Rows per merged segment at most (default: ${DEFAULT-VALUE}); segments of at least half"
                    + " as many are left as they are.")
    int maxRows;

    @Override
    public Integer call() {
        return CliText.run(spec, this::run);
    }

    private int run(PrintWriter out, PrintWriter err) throws UserError {
        if (maxRows < 2) {
            throw new UserError("--max-segment-rows must be at least 2");
        }
        long started = System.nanoTime();
        Compactor.Report report;
        try {
            Store target = Store.open(store);
            for (String table : tables) {
                if (!target.tables().contains(table)) {
                    throw new UserError("the store " + store + " has no table " + table + " (it has "
                            + String.join(", ", target.tables()) + ")");
                }
            }
            report = new Compactor(target, maxRows).compact(tables);
        } catch (StoreException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("cannot compact the store " + store + ": " + CliText.reason(e));
        }
        for (SegmentProblem problem : report.problems()) {
            err.println("warning: " + problem);
        }
        out.println("compacted " + store);
        out.println("  segments   " + report.segmentsBefore() + " before, " + report.segmentsReplaced() + " merged into "
                + report.segmentsWritten() + " (" + report.rowsMoved() + " rows rewritten)");
        if (report.leftoversDeleted() > 0) {
            out.println("  cleaned    " + report.leftoversDeleted() + " segments an interrupted compaction had replaced");
        }
        if (report.tempFilesDeleted() > 0) {
            out.println("  cleaned    " + report.tempFilesDeleted() + " temporary files crashed writers left (older than 1 hour)");
        }
        out.println("  took       " + String.format("%.1f", (System.nanoTime() - started) / 1e9) + " s");
        return 0;
    }
}
