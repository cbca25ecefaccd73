package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.exec.SharedOperator;
import io.egress.kql.engine.exec.ScanOperator;
import io.egress.kql.engine.exec.ValuesOperator;
import io.egress.kql.engine.functions.FunctionRegistry;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.ColumnDecl;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Script;
import io.egress.kql.syntax.tree.Statement;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds a parsed script: resolves table, column, let and function names against the catalog and the
 * columns each operator produces, infers every operator's result schema as Kusto does, and builds the
 * executable plan (expressions compiled into closures once). Problems become diagnostics, never
 * exceptions; a failed part binds to a placeholder so binding goes on and reports everything.
 */
public final class Binder {
    private static final Set<String> SERVICE_FUNCTIONS = Set.of("FileProfile", "DeviceFromIP", "AssignedIPAddresses",
            "SeenBy", "_GetWatchlist", "geo_info_from_ip_address_service");
    private static final int MAX_EXPANSION_DEPTH = 32;

    private final FunctionRegistry registry;
    private final Catalog catalog;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> referencedTables = new LinkedHashSet<>();
    private final List<ScanOperator> scans = new ArrayList<>();
    private final ScalarBinder scalars;
    private final OperatorBinder operators;
    private int expansionDepth;

    /** The tables to read when an operator's output columns depend on the data (bag_unpack); null at compile time. */
    private final io.egress.kql.engine.exec.ExecContext probe;
    /** Set when an operator's columns are only known from the data; later unknown column names are not errors. */
    private Span dataDependent;

    public Binder(FunctionRegistry registry, Catalog catalog) {
        this(registry, catalog, null);
    }

    /**
     * A binder that may read the data through {@code probe} to learn data-dependent columns
     * ({@code evaluate bag_unpack}); used at run time for queries whose compilation is data-dependent.
     */
    public Binder(FunctionRegistry registry, Catalog catalog, io.egress.kql.engine.exec.ExecContext probe) {
        this.registry = registry;
        this.catalog = catalog;
        this.probe = probe;
        this.scalars = new ScalarBinder(this);
        this.operators = new OperatorBinder(this);
    }

    /** Whether the result columns depend on the data, so the query must be bound again over the tables. */
    public boolean isDataDependent() {
        return dataDependent != null;
    }

    io.egress.kql.engine.exec.ExecContext probe() {
        return probe;
    }

    void dataDependent(Span span) {
        if (dataDependent == null) {
            dataDependent = span;
        }
    }

    /** The plans of the script's query statements, in order. */
    public List<PlanNode> bind(Script script) {
        Env env = new Env(null, null);
        List<PlanNode> plans = new ArrayList<>();
        for (Statement s : script.statements()) {
            PlanNode plan = statement(s, env);
            if (plan != null) {
                plans.add(plan);
            }
        }
        return plans;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public Set<String> referencedTables() {
        return referencedTables;
    }

    /** Every table scan created while binding (for projection pushdown). */
    public List<ScanOperator> scans() {
        return scans;
    }

    FunctionRegistry registry() {
        return registry;
    }

    Catalog catalog() {
        return catalog;
    }

    ScalarBinder scalars() {
        return scalars;
    }

    void report(Diagnostic d) {
        if (dataDependent != null && d.code().equals(BindDiagnostics.UNKNOWN_COLUMN)) {
            return; // the name may be a column only the data makes (it is checked when bound over the data)
        }
        diagnostics.add(d);
    }

    boolean knownServiceFunction(String name) {
        return SERVICE_FUNCTIONS.contains(name);
    }

    private PlanNode statement(Statement s, Env env) {
        if (s instanceof Statement.LetStatement let) {
            int volatileBefore = volatileCalls;
            let(let, env);
            share(let.name().text(), env, volatileCalls != volatileBefore);
            return null;
        }
        if (s instanceof Statement.QueryStatement q) {
            return bindTabular(q.expr(), env);
        }
        if (s instanceof Statement.SetStatement) {
            return null; // request properties (set notruncation, ...) change nothing offline
        }
        if (s instanceof Statement.DeclareQueryParameters d) {
            for (Statement.Param p : d.params()) {
                ScalarType type = p.type() == null || p.type().isTabular() ? ScalarType.STRING
                        : scalars.type(p.type().scalar(), p.type().span());
                BoundExpr value = p.defaultValue() != null ? scalars.bind(p.defaultValue(), RowScope.empty(), env)
                        : new BoundExpr.Const(type, io.egress.data.io.ValueConverter.nullOf(type));
                env.define(p.name().text(), new Env.Scalar(value));
            }
            return null;
        }
        if (s instanceof Statement.CommandStatement c) {
            report(BindDiagnostics.unsupported(c.span(), "a management command"));
        }
        return null;
    }

    /** Calls of rand() or new_guid() bound so far, and the query-level lets whose plans hold one. */
    private int volatileCalls;
    private final Set<PlanNode> volatilePlans = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Notes a function whose value changes at each evaluation (see {@link SharedOperator}). */
    void volatileCall() {
        volatileCalls++;
    }

    /**
     * Makes the query-level tabular let {@code name} a {@link SharedOperator}, computed once per execution
     * when read more than once, unless its plan holds a volatile call or is a table, a datatable or
     * {@code materialize()} already.
     */
    private void share(String name, Env env, boolean isVolatile) {
        if (!(env.lookup(name) instanceof Env.Tabular t)) {
            return;
        }
        PlanNode plan = t.plan();
        if (isVolatile) {
            volatilePlans.add(plan);
        } else if (!(plan instanceof ScanOperator || plan instanceof ValuesOperator || plan instanceof SharedOperator)) {
            env.define(name, new Env.Tabular(SharedOperator.let(plan)));
        }
    }

    void let(Statement.LetStatement let, Env env) {
        String name = let.name().text();
        Statement.LetValue value = let.value();
        if (value instanceof Statement.FunctionDecl f) {
            env.define(name, new Env.Function(name, f.params(), f.body(), env, false));
        } else if (value instanceof Statement.ViewDecl v) {
            env.define(name, new Env.Function(name, v.params(), v.body(), env, true));
        } else if (value instanceof Statement.ExprValue ev) {
            Object bound = bindAny(ev.expr(), RowScope.empty(), env);
            env.define(name, bound instanceof PlanNode p ? new Env.Tabular(p) : new Env.Scalar((BoundExpr) bound));
        }
    }

    /** Binds an expression that may be tabular or scalar (let values, function bodies). */
    Object bindAny(Expr expr, RowScope scope, Env env) {
        PlanNode plan = tryTabular(expr, env);
        return plan != null ? plan : scalars.bind(expr, scope, env);
    }

    static boolean isTabularSyntax(Expr e) {
        return e instanceof Expr.Pipe || e instanceof Expr.Source || e instanceof Expr.Datatable
                || e instanceof Expr.ExternalData || e instanceof Expr.InputRef;
    }

    /** Binds {@code expr} as a table when it is one (syntax, table name, tabular let/function), else null. */
    PlanNode tryTabular(Expr expr, Env env) {
        Expr e = expr;
        while (e instanceof Expr.Parenthesized p) {
            e = p.inner();
        }
        if (isTabularSyntax(e)) {
            return bindTabular(e, env);
        }
        if (e instanceof Expr.NameRef n) {
            Env.Symbol s = env.lookup(n.name().text());
            if (s instanceof Env.Tabular || (s instanceof Env.Function f && f.params().isEmpty() && returnsTable(f))
                    || (s == null && catalog.table(n.name().text()).isPresent())) {
                return bindTabular(e, env);
            }
            return null;
        }
        if (e instanceof Expr.Call c) {
            String name = c.function().text();
            if (name.equals("materialize") || name.equals("table") || name.equals("view")) {
                return bindTabular(e, env);
            }
            if (env.lookup(name) instanceof Env.Function f && returnsTable(f)) {
                return bindTabular(e, env);
            }
        }
        return null;
    }

    /** Whether a user function's body ends in a tabular expression (judged from its syntax and names). */
    private boolean returnsTable(Env.Function f) {
        List<Statement> body = f.body().statements();
        if (body.isEmpty()) {
            return false;
        }
        Statement last = body.get(body.size() - 1);
        if (!(last instanceof Statement.QueryStatement q)) {
            return false;
        }
        Expr e = q.expr();
        while (e instanceof Expr.Parenthesized p) {
            e = p.inner();
        }
        if (isTabularSyntax(e)) {
            return true;
        }
        if (e instanceof Expr.NameRef n) {
            String name = n.name().text();
            for (Statement.Param p : f.params()) {
                if (p.name().text().equals(name)) {
                    return p.type() != null && p.type().isTabular();
                }
            }
            for (Statement s : body) {
                if (s instanceof Statement.LetStatement l && l.name().text().equals(name)) {
                    return l.value() instanceof Statement.ExprValue ev && isTabularSyntax(ev.expr());
                }
            }
            return f.closure().lookup(name) instanceof Env.Tabular || catalog.table(name).isPresent();
        }
        if (e instanceof Expr.Call c) {
            return c.function().text().equals("materialize")
                    || (f.closure().lookup(c.function().text()) instanceof Env.Function g && g != f && returnsTable(g));
        }
        return false;
    }

    /** Binds a tabular expression; on error reports and returns an empty placeholder table. */
    PlanNode bindTabular(Expr expr, Env env) {
        if (expr instanceof Expr.Parenthesized p) {
            return bindTabular(p.inner(), env);
        }
        if (expr instanceof Expr.NameRef n) {
            return tableName(n.name().text(), n.span(), env);
        }
        if (expr instanceof Expr.Pipe pipe) {
            PlanNode input = bindTabular(pipe.source(), env);
            return operators.bind(pipe.op(), input, env, pipe.source());
        }
        if (expr instanceof Expr.Source src) {
            return operators.bindSource(src.op(), env);
        }
        if (expr instanceof Expr.InputRef ref) {
            if (env.implicitInput() == null) {
                report(BindDiagnostics.wrongKind(ref.span(), "this sub-query has no input"));
                return empty();
            }
            return env.implicitInput();
        }
        if (expr instanceof Expr.Datatable dt) {
            return datatable(dt, env);
        }
        if (expr instanceof Expr.ExternalData ed) {
            Schema schema = declaredSchema(ed.schema());
            report(BindDiagnostics.offline(ed.span(), "externaldata", "it reads as an empty table"));
            return new ValuesOperator("ExternalData (offline: empty)", schema, List.of());
        }
        if (expr instanceof Expr.Call c) {
            return tabularCall(c, env);
        }
        if (expr instanceof Expr.Error) {
            return empty();
        }
        report(BindDiagnostics.wrongKind(expr.span(), "expected a tabular expression (a table, let name or query)"));
        return empty();
    }

    private static final String PLACEHOLDER = "Invalid (binding failed)";

    /** The stand-in for a table that failed to bind (its error is already reported). */
    static PlanNode empty() {
        return new ValuesOperator(PLACEHOLDER, new Schema(List.of()), List.of());
    }

    static boolean isPlaceholder(PlanNode node) {
        return node instanceof ValuesOperator v && v.describe().startsWith(PLACEHOLDER);
    }

    private PlanNode tableName(String name, Span span, Env env) {
        Env.Symbol s = env.lookup(name);
        if (s instanceof Env.Tabular t) {
            if (volatilePlans.contains(t.plan())) {
                volatileCalls++; // a let reading a volatile let is volatile too
            }
            if (t.plan() instanceof SharedOperator shared) {
                shared.reference();
            }
            return t.plan();
        }
        if (s instanceof Env.Function f && f.params().isEmpty()) {
            Object r = expandFunction(f, List.of(), span, RowScope.empty(), env);
            if (r instanceof PlanNode p) {
                return p;
            }
            report(BindDiagnostics.wrongKind(span, "'" + name + "' is scalar; a table is expected here"));
            return empty();
        }
        if (s instanceof Env.Scalar) {
            report(BindDiagnostics.wrongKind(span, "'" + name + "' is a scalar; a table is expected here"));
            return empty();
        }
        var schema = catalog.table(name);
        if (schema.isPresent()) {
            referencedTables.add(name);
            ScanOperator scan = new ScanOperator(name, schema.get());
            scans.add(scan);
            return scan;
        }
        List<String> candidates = new ArrayList<>(catalog.tableNames());
        candidates.addAll(env.tabularNames());
        report(BindDiagnostics.unknownTable(span, name, candidates));
        return empty();
    }

    private PlanNode tabularCall(Expr.Call c, Env env) {
        String name = c.function().text();
        if (name.equals("materialize")) {
            if (c.args().size() != 1) {
                report(BindDiagnostics.badArguments(c.span(), "materialize() takes one tabular argument"));
                return empty();
            }
            return SharedOperator.materialize(bindTabular(c.args().get(0), env));
        }
        if (name.equals("table") && c.args().size() == 1) {
            BoundExpr n = scalars.bind(c.args().get(0), RowScope.empty(), env);
            if (n instanceof BoundExpr.Const k && k.value() instanceof String t) {
                return tableName(t, c.span(), env);
            }
            report(BindDiagnostics.notConstant(c.span(), "the table name"));
            return empty();
        }
        Env.Symbol s = env.lookup(name);
        if (s instanceof Env.Function f) {
            Object r = expandFunction(f, c.args(), c.span(), RowScope.empty(), env);
            if (r instanceof PlanNode p) {
                return p;
            }
            report(BindDiagnostics.wrongKind(c.span(), "function '" + name + "' returns a scalar; a table is"
                    + " expected here"));
            return empty();
        }
        if (knownServiceFunction(name)) {
            report(BindDiagnostics.unknownFunction(c.function().span(), name, List.of()));
            return empty();
        }
        List<String> candidates = new ArrayList<>(env.tabularNames());
        report(BindDiagnostics.unknownFunction(c.function().span(), name, candidates));
        return empty();
    }

    /**
     * Calls a user function by inline expansion: parameters bind to the argument values (or defaults) in
     * a child of the function's closure, then the body binds. Returns a {@link PlanNode} or a {@link BoundExpr}.
     */
    Object expandFunction(Env.Function f, List<Expr> args, Span span, RowScope scope, Env callerEnv) {
        if (expansionDepth >= MAX_EXPANSION_DEPTH) {
            report(BindDiagnostics.badArguments(span, "function '" + f.name() + "' expands too deeply (recursion?)"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        if (args.size() > f.params().size()) {
            report(BindDiagnostics.badArguments(span, "function '" + f.name() + "' takes " + f.params().size()
                    + " argument(s) but got " + args.size()));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        Env body = f.closure().child();
        List<Expr> positional = new ArrayList<>(args);
        for (int i = 0; i < f.params().size(); i++) {
            Statement.Param p = f.params().get(i);
            Expr arg = null;
            for (Expr a : args) {
                if (a instanceof Expr.NamedArg na && na.name().text().equals(p.name().text())) {
                    arg = na.value();
                }
            }
            if (arg == null && i < positional.size() && !(positional.get(i) instanceof Expr.NamedArg)) {
                arg = positional.get(i);
            }
            boolean tabular = p.type() != null && p.type().isTabular();
            if (arg == null) {
                if (p.defaultValue() == null) {
                    report(BindDiagnostics.badArguments(span, "missing argument '" + p.name().text() + "' of function '"
                            + f.name() + "'"));
                    return new BoundExpr.Invalid(ScalarType.DYNAMIC);
                }
                body.define(p.name().text(), new Env.Scalar(scalars.bind(p.defaultValue(), RowScope.empty(), body)));
            } else if (tabular) {
                body.define(p.name().text(), new Env.Tabular(bindTabular(arg, callerEnv)));
            } else {
                BoundExpr value = scalars.bind(arg, scope, callerEnv);
                body.define(p.name().text(), new Env.Scalar(value));
            }
        }
        expansionDepth++;
        try {
            Object result = null;
            for (Statement s : f.body().statements()) {
                if (s instanceof Statement.LetStatement let) {
                    let(let, body);
                } else if (s instanceof Statement.QueryStatement q) {
                    result = bindAny(q.expr(), scope, body);
                }
            }
            if (result == null) {
                report(BindDiagnostics.wrongKind(span, "function '" + f.name() + "' has no result expression"));
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
            return result;
        } finally {
            expansionDepth--;
        }
    }

    Schema declaredSchema(List<ColumnDecl> decls) {
        List<Column> cols = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ColumnDecl d : decls) {
            ScalarType t = scalars.type(d.type(), d.span());
            if (!seen.add(d.name().text())) {
                report(BindDiagnostics.duplicateColumn(d.name().span(), d.name().text()));
                continue;
            }
            cols.add(new Column(d.name().text(), t));
        }
        return new Schema(cols);
    }

    private PlanNode datatable(Expr.Datatable dt, Env env) {
        Schema schema = declaredSchema(dt.schema());
        int n = schema.size();
        if (n == 0) {
            return new ValuesOperator("Datatable", schema, List.of());
        }
        if (dt.values().size() % n != 0) {
            report(BindDiagnostics.badArguments(dt.span(), "datatable has " + dt.values().size() + " values, not a"
                    + " multiple of its " + n + " columns"));
            return new ValuesOperator("Datatable", schema, List.of());
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < dt.values().size() / n; r++) {
            Object[] row = new Object[n];
            for (int c = 0; c < n; c++) {
                Expr e = dt.values().get(r * n + c);
                BoundExpr v = scalars.bind(e, RowScope.empty(), env);
                row[c] = Coerce.constant(v, schema.column(c).type(), e.span(), this);
            }
            rows.add(row);
        }
        return new ValuesOperator("Datatable", schema, rows);
    }
}
