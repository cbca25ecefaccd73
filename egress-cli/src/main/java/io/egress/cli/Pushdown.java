package io.egress.cli;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.ExportScanner;
import io.egress.data.io.ScanResult;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.engine.RowPrefilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Projection and filter pushdown for {@code egress query} over Defender exports: the query is compiled
 * against the Defender catalog first, and each export of a Defender table is read by
 * {@link ExportScanner} with only the columns the query reads and only the rows its where clauses on
 * the scans can keep, on every core. When the query does not compile against the Defender catalog
 * alone (it names other tables, or has errors), nothing is pushed down and exports load whole.
 */
final class Pushdown {
    private final Compilation compilation;
    private final Instant now;

    private Pushdown(Compilation compilation, Instant now) {
        this.compilation = compilation;
        this.now = now;
    }

    static Pushdown of(String query, Instant now) {
        Compilation c = new KqlEngine().compile(query, Catalog.defender());
        return new Pushdown(c.hasErrors() ? null : c, now);
    }

    /** The Defender table a file is named after ({@code DeviceProcessEvents.jsonl}), if any. */
    static Optional<String> tableNamedBy(Path path) {
        String file = path.getFileName().toString();
        int dot = file.indexOf('.');
        String stem = dot < 0 ? file : file.substring(0, dot);
        return DefenderSchemas.schema(stem).isPresent() ? Optional.of(stem) : Optional.empty();
    }

    /** Whether exports of {@code table} are read with pushdown. */
    boolean applies(String table) {
        return compilation != null && DefenderSchemas.schema(table).isPresent();
    }

    /** Reads an export of a Defender table with the query's columns and prefilter; warns about problems. */
    Table read(String table, Path path, String label, PrintWriter err) throws UserError {
        Schema schema = DefenderSchemas.schema(table).orElseThrow();
        Set<String> columns = compilation.referencedColumns().getOrDefault(table, Set.of());
        Supplier<Predicate<Object[]>> filter;
        Set<String> filterReads;
        if (!compilation.referencedTables().contains(table)) {
            filter = () -> row -> false; // not read by the query: only check the file
            filterReads = Set.of();
        } else {
            Optional<RowPrefilter> prefilter = compilation.prefilter(table).filter(p -> p.schema().equals(schema));
            filter = prefilter.<Supplier<Predicate<Object[]>>>map(p -> () -> p.newTest(now)).orElse(null);
            filterReads = prefilter.map(RowPrefilter::columnsRead).orElse(null);
        }
        ScanResult r;
        try {
            r = ExportScanner.scan(path, schema, columns, filterReads, filter, Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UserError("cannot read " + label + ": " + CliText.reason(e));
        }
        List<String> warnings = new ArrayList<>();
        r.problems().forEach(p -> warnings.add(p.toString()));
        QueryCommand.warn(warnings, err);
        if (r.problemCount() > r.problems().size()) {
            err.println("warning: " + path + ": " + (r.problemCount() - r.problems().size()) + " more problems");
        }
        return r.table();
    }
}
