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

    private final Rebinder rebinder;

    /** How a data-dependent query (bag_unpack) is bound again over the tables of one execution. */
    record Rebinder(io.egress.kql.engine.functions.FunctionRegistry registry, Catalog catalog) {
    }

    Compilation(SourceText source, Script script, List<Diagnostic> diagnostics, List<PlanNode> plans,
                Set<String> referencedTables, List<ScanOperator> scans, Rebinder rebinder) {
        this.rebinder = rebinder;
        this.source = source;
        this.script = script;
        this.diagnostics = List.copyOf(diagnostics);
        this.plans = List.copyOf(plans);
        this.referencedTables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(referencedTables));
        // A data-dependent query is bound again per run, so the plans here do not show every column it
        // reads: it reads every column of its tables and no rows are filtered before it.
        this.referencedColumns = ColumnUsage.of(rebinder == null ? this.plans : List.of(), scans,
                this.referencedTables);
        if (!hasErrors() && rebinder == null) {
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

    /**
     * The schema of the last query statement's result (empty when there is none or binding failed). For a
     * data-dependent query ({@link #isDataDependent()}) the columns only the data makes are missing here.
     */
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
        List<PlanNode> all = plans;
        if (rebinder != null) {
            all = bindOverData(ctx);
        }
        List<PlanNode> toRun = lastOnly && !all.isEmpty() ? List.of(all.get(all.size() - 1)) : all;
        for (PlanNode plan : toRun) {
            try {
                out.add(materialize(plan, ctx));
            } catch (QueryRuntimeException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // Not a user mistake we know of: still a diagnostic, so callers and the CLI report it
                // cleanly; the cause keeps the details.
                QueryRuntimeException wrapped = new QueryRuntimeException(io.egress.kql.engine.binder.BindDiagnostics
                        .runtime(io.egress.kql.syntax.text.Span.NONE, e instanceof StackOverflowError
                                ? "the query is nested too deeply to run (stack overflow); split it with let statements"
                                : "the query failed while running: " + e));
                wrapped.initCause(e);
                throw wrapped;
            }
        }
        return out;
    }

    /** Whether the result columns depend on the data (evaluate bag_unpack): each run binds the query again. */
    public boolean isDataDependent() {
        return rebinder != null;
    }

    /** Binds the script again, letting data-dependent operators read the tables; errors found now are thrown. */
    private List<PlanNode> bindOverData(ExecContext ctx) {
        io.egress.kql.engine.binder.Binder binder = new io.egress.kql.engine.binder.Binder(rebinder.registry(),
                rebinder.catalog(), ctx);
        List<PlanNode> bound;
        try {
            bound = binder.bind(script);
        } catch (QueryRuntimeException e) {
            throw e;
        } catch (RuntimeException e) {
            QueryRuntimeException wrapped = new QueryRuntimeException(io.egress.kql.engine.binder.BindDiagnostics
                    .runtime(io.egress.kql.syntax.text.Span.NONE, "the query failed while running: " + e));
            wrapped.initCause(e);
            throw wrapped;
        }
        for (Diagnostic d : binder.diagnostics()) {
            if (d.isError()) {
                throw new QueryRuntimeException(d);
            }
        }
        return bound;
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
