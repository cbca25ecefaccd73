package io.egress.kql.engine;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.RowSource;
import io.egress.kql.engine.exec.ScanOperator;
import io.egress.kql.engine.plan.ColumnUsage;
import io.egress.kql.engine.plan.Prefilters;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.engine.plan.PlanPrinter;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.tree.Script;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled query: its diagnostics, the result schema, and plans ready to run any number of times
 * (each {@link #execute} call is independent, so one compilation can serve many threads).
 */
public final class Compilation {
    private final SourceText source;
    private final Script script;
    private final List<Diagnostic> diagnostics;
    private final List<PlanNode> plans;
    private final Set<String> referencedTables;
    private final Map<String, Set<String>> referencedColumns;
    private final Map<String, RowPrefilter> prefilters = new java.util.LinkedHashMap<>();

    Compilation(SourceText source, Script script, List<Diagnostic> diagnostics, List<PlanNode> plans,
                Set<String> referencedTables, List<ScanOperator> scans) {
        this.source = source;
        this.script = script;
        this.diagnostics = List.copyOf(diagnostics);
        this.plans = List.copyOf(plans);
        this.referencedTables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(referencedTables));
        this.referencedColumns = ColumnUsage.of(this.plans, scans, this.referencedTables);
        if (!hasErrors()) {
            Prefilters.of(this.plans, scans).forEach((table, chains) -> {
                Schema schema = scans.stream().filter(s -> s.table().equals(table)).findFirst().orElseThrow().schema();
                prefilters.put(table, new RowPrefilter(table, schema, chains));
            });
        }
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public SourceText source() {
        return source;
    }

    /** The schema of the last query statement's result (empty when there is none or binding failed). */
    public Schema resultSchema() {
        return plans.isEmpty() ? new Schema(List.of()) : plans.get(plans.size() - 1).schema();
    }

    /** The Defender/catalog tables the query reads. */
    public Set<String> referencedTables() {
        return referencedTables;
    }

    /**
     * Projection pushdown: for each table of {@link #referencedTables()}, the columns any query statement
     * of this script can read, in the table's column order. Conservative: when the query could read a
     * column, the column is listed ({@code T} alone, {@code search}, {@code pack_all()}, {@code getschema}
     * list every column). A reader may leave the other columns out of the tables it passes to
     * {@link #execute}; they read as null (empty strings). A table with an empty set is counted, not read
     * ({@code T | count}).
     */
    public Map<String, Set<String>> referencedColumns() {
        return referencedColumns;
    }

    /**
     * Filter pushdown: the test a row of {@code table} must pass for any scan of it to keep the row
     * (the {@code where} clauses directly on each scan). A reader may drop the rows that fail it;
     * empty when some scan reads every row.
     */
    public java.util.Optional<RowPrefilter> prefilter(String table) {
        return java.util.Optional.ofNullable(prefilters.get(table));
    }

    /** Runs the last query statement. Tables missing from {@code tables} read as empty. */
    public Table execute(Map<String, Table> tables, Instant now) {
        List<Table> all = run(tables, now, true);
        return all.isEmpty() ? Table.of(new Schema(List.of()), List.of()) : all.get(0);
    }

    /** Runs every query statement, in order. */
    public List<Table> executeAll(Map<String, Table> tables, Instant now) {
        return run(tables, now, false);
    }

    private List<Table> run(Map<String, Table> tables, Instant now, boolean lastOnly) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(now, "now");
        if (hasErrors()) {
            Diagnostic first = diagnostics.stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            throw new QueryRuntimeException(first);
        }
        ExecContext ctx = new ExecContext(tables, now);
        List<Table> out = new ArrayList<>();
        List<PlanNode> toRun = lastOnly && !plans.isEmpty() ? List.of(plans.get(plans.size() - 1)) : plans;
        for (PlanNode plan : toRun) {
            out.add(materialize(plan, ctx));
        }
        return out;
    }

    private static Table materialize(PlanNode plan, ExecContext ctx) {
        Schema schema = plan.schema();
        boolean[] strings = new boolean[schema.size()];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = schema.column(i).type() == ScalarType.STRING;
        }
        RowSource rows = plan.open(ctx);
        List<Object[]> out = new ArrayList<>();
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            Object[] copy = row;
            for (int i = 0; i < strings.length; i++) {
                if (strings[i] && row[i] == null) {
                    if (copy == row) {
                        copy = row.clone();
                    }
                    copy[i] = "";
                }
            }
            out.add(copy);
        }
        return Table.of(schema, out);
    }

    /** The syntax tree, the bound operators with their schemas, and the physical plan, as text. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append("== Syntax tree ==\n");
        sb.append(io.egress.kql.engine.plan.SyntaxTreePrinter.print(script));
        sb.append("\n== Bound tree ==\n");
        for (PlanNode p : plans) {
            sb.append(PlanPrinter.bound(p));
        }
        sb.append("\n== Plan ==\n");
        for (PlanNode p : plans) {
            sb.append(PlanPrinter.physical(p));
        }
        if (!diagnostics.isEmpty()) {
            sb.append("\n== Diagnostics ==\n");
            for (Diagnostic d : diagnostics) {
                sb.append(d.severity().label()).append(' ').append(d.code()).append(" at ")
                        .append(source.line(d.span().start())).append(':').append(source.column(d.span().start()))
                        .append(": ").append(d.message()).append('\n');
            }
        }
        return sb.toString();
    }
}
