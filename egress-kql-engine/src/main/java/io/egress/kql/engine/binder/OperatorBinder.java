package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.CountOperator;
import io.egress.kql.engine.exec.DistinctOperator;
import io.egress.kql.engine.exec.FilterOperator;
import io.egress.kql.engine.exec.PassThroughOperator;
import io.egress.kql.engine.exec.PrintOperator;
import io.egress.kql.engine.exec.ProjectOperator;
import io.egress.kql.engine.exec.RangeOperator;
import io.egress.kql.engine.exec.SortOperator;
import io.egress.kql.engine.exec.SortSpec;
import io.egress.kql.engine.exec.TakeOperator;
import io.egress.kql.engine.exec.ValuesOperator;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.Assignment;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Name;
import io.egress.kql.syntax.tree.SortKey;
import io.egress.kql.syntax.tree.TabularOperator;
import io.egress.kql.syntax.tree.TabularOperator.ReorderItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds one tabular operator on top of its bound input; the shape-heavy ones live in their own binders. */
final class OperatorBinder {
    private final Binder binder;
    private final ScalarBinder scalars;
    private final SummarizeBinder summarize;
    private final JoinBinder joins;
    private final UnionBinder unions;
    private final ShapeBinder shapes;

    OperatorBinder(Binder binder) {
        this.binder = binder;
        this.scalars = binder.scalars();
        this.summarize = new SummarizeBinder(binder);
        this.joins = new JoinBinder(binder);
        this.unions = new UnionBinder(binder);
        this.shapes = new ShapeBinder(binder);
    }

    PlanNode bind(TabularOperator op, PlanNode input, Env env, Expr source) {
        RowScope scope = RowScope.of(input.schema());
        if (op instanceof TabularOperator.Where w) {
            BoundExpr p = scalars.bind(w.predicate(), scope, env);
            if (!(p instanceof BoundExpr.Invalid) && p.type() != ScalarType.BOOL && p.type() != ScalarType.DYNAMIC) {
                binder.report(BindDiagnostics.typeMismatch(w.predicate().span(), "the where predicate must be bool,"
                        + " not " + p.type().kqlName()));
            }
            return new FilterOperator(input, p);
        }
        if (op instanceof TabularOperator.Extend e) {
            return extend("extend", input, scope, e.columns(), env);
        }
        if (op instanceof TabularOperator.Project p) {
            return project(input, scope, p.columns(), env);
        }
        if (op instanceof TabularOperator.ProjectAway pa) {
            return keep(input, scope, pa.columns(), false);
        }
        if (op instanceof TabularOperator.ProjectKeep pk) {
            return keep(input, scope, pk.columns(), true);
        }
        if (op instanceof TabularOperator.ProjectRename pr) {
            return rename(input, scope, pr);
        }
        if (op instanceof TabularOperator.ProjectReorder pr) {
            return reorder(input, scope, pr.columns());
        }
        if (op instanceof TabularOperator.Summarize s) {
            return summarize.bind(s, input, env);
        }
        if (op instanceof TabularOperator.Join j) {
            return joins.join(j, input, env);
        }
        if (op instanceof TabularOperator.Lookup l) {
            return joins.lookup(l, input, env);
        }
        if (op instanceof TabularOperator.Union u) {
            return unions.bind(u, input, source, env);
        }
        if (op instanceof TabularOperator.Sort s) {
            List<SortSpec> keys = new ArrayList<>();
            for (SortKey k : s.keys()) {
                keys.add(sortSpec(k, scope, env));
            }
            return new SortOperator(input, keys, -1);
        }
        if (op instanceof TabularOperator.Top t) {
            long n = count(t.count(), env, "the top count");
            return new SortOperator(input, List.of(sortSpec(t.by(), scope, env)), n);
        }
        if (op instanceof TabularOperator.Take t) {
            return new TakeOperator(input, count(t.count(), env, "the take count"));
        }
        if (op instanceof TabularOperator.Sample s) {
            binder.report(BindDiagnostics.ignored(s.span(), "random sampling (sample takes the first rows)"));
            return new TakeOperator(input, count(s.count(), env, "the sample count"));
        }
        if (op instanceof TabularOperator.SampleDistinct sd) {
            binder.report(BindDiagnostics.ignored(sd.span(), "random sampling (sample-distinct takes the first values)"));
            BoundExpr col = scalars.bind(sd.column(), scope, env);
            String name = Names.infer(sd.column());
            Schema schema = Schema.of(new Column(name == null ? "Column1" : name, col.type()));
            return new TakeOperator(new DistinctOperator(input, schema, List.of(col)),
                    count(sd.count(), env, "the sample-distinct count"));
        }
        if (op instanceof TabularOperator.Consume) {
            return new TakeOperator(input, 0); // consume reads its input and returns nothing
        }
        if (op instanceof TabularOperator.Distinct d) {
            return distinct(input, scope, d, env);
        }
        if (op instanceof TabularOperator.Count) {
            return new CountOperator(input);
        }
        if (op instanceof TabularOperator.MvExpand mv) {
            return shapes.mvExpand(mv, input, env);
        }
        if (op instanceof TabularOperator.MvApply ma) {
            io.egress.kql.engine.exec.RowInputOperator current = new io.egress.kql.engine.exec.RowInputOperator(input.schema());
            PlanNode expanded = shapes.mvExpand(new TabularOperator.MvExpand(ma.options(), ma.items(), ma.limit(),
                    ma.span()), current, env);
            PlanNode sub = binder.bindTabular(ma.subquery(), env.withInput(expanded));
            return new io.egress.kql.engine.exec.MvApplyOperator(input, current, sub);
        }
        if (op instanceof TabularOperator.MakeSeries ms) {
            return new SeriesBinder(binder).bind(ms, input, env);
        }
        if (op instanceof TabularOperator.Search s) {
            return new SearchBinder(binder).bind(s, input, env);
        }
        if (op instanceof TabularOperator.Partition pt) {
            BoundExpr key = scalars.bind(pt.by(), scope, env);
            io.egress.kql.engine.exec.RowInputOperator current = new io.egress.kql.engine.exec.RowInputOperator(input.schema());
            PlanNode sub = binder.bindTabular(pt.subquery(), env.withInput(current));
            return new io.egress.kql.engine.exec.PartitionOperator(input, key, current, sub);
        }
        if (op instanceof TabularOperator.TopNested tn) {
            return new SeriesBinder(binder).topNested(tn, input, env);
        }
        if (op instanceof TabularOperator.Parse p) {
            return shapes.parse(p, input, env);
        }
        if (op instanceof TabularOperator.As as) {
            env.define(as.name().text(), new Env.Tabular(input));
            return new PassThroughOperator("As " + as.name().text(), input);
        }
        if (op instanceof TabularOperator.Serialize s) {
            PlanNode serialized = new PassThroughOperator("Serialize", input);
            return s.columns().isEmpty() ? serialized : extend("serialize", serialized, scope, s.columns(), env);
        }
        if (op instanceof TabularOperator.GetSchema) {
            return getSchema(input.schema());
        }
        if (op instanceof TabularOperator.Render r) {
            binder.report(BindDiagnostics.ignored(r.span(), "render " + r.chart()));
            return new PassThroughOperator("Render " + r.chart() + " (ignored)", input);
        }
        if (op instanceof TabularOperator.Invoke inv) {
            return invoke(inv, input, env);
        }
        if (op instanceof TabularOperator.Error) {
            return input;
        }
        if (op instanceof TabularOperator.Evaluate ev && ev.plugin().is("bag_unpack")) {
            return new BagUnpackBinder(binder).bind(ev, input, env);
        }
        if (op instanceof TabularOperator.Evaluate ev && ev.plugin().is("pivot")) {
            return new PivotBinder(binder).bind(ev, input, env);
        }
        if (op instanceof TabularOperator.Evaluate ev && ev.plugin().is("ipv4_lookup")) {
            return ipv4Lookup(ev, input, scope, env);
        }
        if (op instanceof TabularOperator.Evaluate ev) {
            String plugin = ev.plugin().function().text();
            binder.report(new io.egress.kql.syntax.diag.Diagnostic(BindDiagnostics.UNSUPPORTED,
                    io.egress.kql.syntax.diag.Severity.ERROR, ev.span(), "evaluate " + plugin + "() parses but does not"
                    + " run yet", "evaluate runs bag_unpack, pivot and ipv4_lookup"));
            return input;
        }
        binder.report(BindDiagnostics.unsupported(op.span(), "operator '" + operatorName(op) + "'"));
        return input;
    }

    PlanNode bindSource(TabularOperator op, Env env) {
        if (op instanceof TabularOperator.Union u) {
            return unions.bind(u, null, null, env);
        }
        if (op instanceof TabularOperator.Print p) {
            RowScope out = RowScope.empty();
            int unnamed = 0;
            for (Assignment a : p.columns()) {
                BoundExpr e = scalars.bind(a.value(), RowScope.empty(), env);
                String name = a.isNamed() ? a.names().get(0).text() : "print_" + unnamed++;
                checkNew(out, name, a.span());
                out.put(name, e);
            }
            return new PrintOperator(out.schema(), out.exprs());
        }
        if (op instanceof TabularOperator.Search s) {
            return new SearchBinder(binder).bind(s, null, env);
        }
        if (op instanceof TabularOperator.Range r) {
            BoundExpr from = scalars.bind(r.from(), RowScope.empty(), env);
            BoundExpr to = scalars.bind(r.to(), RowScope.empty(), env);
            BoundExpr step = scalars.bind(r.step(), RowScope.empty(), env);
            ScalarType t = from.type() == ScalarType.INT ? ScalarType.LONG : from.type();
            if (from instanceof BoundExpr.Const c && c.value() instanceof Integer i) {
                from = new BoundExpr.Const(ScalarType.LONG, i.longValue());
            }
            return new RangeOperator(Schema.of(new Column(r.column().text(), t)), from, to, step);
        }
        binder.report(BindDiagnostics.unsupported(op.span(), "operator '" + operatorName(op) + "'"));
        return Binder.empty();
    }

    /** {@code evaluate ipv4_lookup(Lookup, SourceIp, LookupKey [, return_unmatched])} (no extra keys). */
    private PlanNode ipv4Lookup(TabularOperator.Evaluate ev, PlanNode input, RowScope scope, Env env) {
        List<Expr> args = ev.plugin().args();
        List<Expr> positional = new ArrayList<>();
        Boolean returnUnmatched = null;
        for (Expr a : args) {
            if (a instanceof Expr.NamedArg na && na.name().text().equals("return_unmatched")) {
                BoundExpr v = scalars.bind(na.value(), RowScope.empty(), env);
                returnUnmatched = v instanceof BoundExpr.Const k && Boolean.TRUE.equals(k.value());
            } else {
                positional.add(ScalarBinder.unwrapNamed(a));
            }
        }
        if (positional.size() == 4 && returnUnmatched == null) {
            BoundExpr v = scalars.bind(positional.remove(3), RowScope.empty(), env);
            if (v instanceof BoundExpr.Const k && k.value() instanceof Boolean b) {
                returnUnmatched = b;
            } else {
                positional.add(null);
            }
        }
        if (positional.size() != 3) {
            binder.report(BindDiagnostics.unsupported(ev.span(), "evaluate ipv4_lookup() with extra keys or other than"
                    + " (lookup table, source IP column, lookup key column [, return_unmatched])"));
            return input;
        }
        PlanNode lookup = binder.bindTabular(positional.get(0), env);
        BoundExpr source = scalars.bind(positional.get(1), scope, env);
        if (!(positional.get(2) instanceof Expr.NameRef key)) {
            binder.report(BindDiagnostics.wrongKind(positional.get(2).span(), "the lookup key must be a column of the"
                    + " lookup table"));
            return input;
        }
        int keyIndex = lookup.schema().indexOf(key.name().text());
        if (keyIndex < 0) {
            if (!Binder.isPlaceholder(lookup)) {
                binder.report(BindDiagnostics.unknownColumn(key.span(), key.name().text(), lookup.schema().names()));
            }
            return input;
        }
        if (source instanceof BoundExpr.Invalid) {
            return input;
        }
        List<Column> cols = new ArrayList<>(input.schema().columns());
        for (Column c : lookup.schema().columns()) {
            cols.add(new Column(Names.unique(c.name(), cols.stream().map(Column::name).toList()), c.type()));
        }
        return new io.egress.kql.engine.exec.Ipv4LookupOperator(input, lookup, source, keyIndex,
                Boolean.TRUE.equals(returnUnmatched), new Schema(cols));
    }

    static String operatorName(TabularOperator op) {
        String n = op.getClass().getSimpleName();
        return n.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private long count(Expr e, Env env, String what) {
        BoundExpr c = scalars.bind(e, RowScope.empty(), env);
        if (c instanceof BoundExpr.Const k && k.value() instanceof Number n) {
            return n.longValue();
        }
        if (c instanceof BoundExpr.ScalarQuery) {
            binder.report(BindDiagnostics.notConstant(e.span(), what + " (toscalar is not supported here)"));
        } else if (!(c instanceof BoundExpr.Invalid)) {
            binder.report(BindDiagnostics.notConstant(e.span(), what));
        }
        return 0;
    }

    private SortSpec sortSpec(SortKey k, RowScope scope, Env env) {
        BoundExpr e = scalars.bind(k.expr(), scope, env);
        Boolean nullsFirst = k.nulls() == null ? null : k.nulls().toLowerCase(java.util.Locale.ROOT).contains("first");
        return SortSpec.of(e, k.descending(), nullsFirst);
    }

    PlanNode extend(String kind, PlanNode input, RowScope inputScope, List<Assignment> items, Env env) {
        RowScope scope = inputScope.copy();
        boolean windowed = false;
        for (Assignment a : items) {
            BoundExpr e = scalars.bind(a.value(), scope, env);
            windowed |= hasWindow(e);
            if (a.names().size() > 1) {
                binder.report(BindDiagnostics.unsupported(a.span(), "assigning to a tuple of names"));
                continue;
            }
            String name = a.isNamed() ? a.names().get(0).text() : Names.infer(a.value());
            if (name == null) {
                name = Names.column(scope.names());
            }
            scope.put(name, e);
        }
        return new ProjectOperator(kind, input, scope.schema(), scope.exprs(), windowed);
    }

    static boolean hasWindow(BoundExpr e) {
        if (e instanceof BoundExpr.RowWindow) {
            return true;
        }
        if (e instanceof BoundExpr.Call c) {
            return c.args().stream().anyMatch(OperatorBinder::hasWindow);
        }
        if (e instanceof BoundExpr.Logic l) {
            return hasWindow(l.left()) || hasWindow(l.right());
        }
        if (e instanceof BoundExpr.SetTest s) {
            return hasWindow(s.left());
        }
        if (e instanceof BoundExpr.Member m) {
            return hasWindow(m.target());
        }
        if (e instanceof BoundExpr.Index i) {
            return hasWindow(i.target()) || hasWindow(i.index());
        }
        return false;
    }

    private PlanNode project(PlanNode input, RowScope scope, List<Assignment> items, Env env) {
        RowScope out = RowScope.empty();
        boolean windowed = false;
        for (Assignment a : items) {
            if (!a.isNamed() && a.value() instanceof Expr.NameRef n && n.name().text().contains("*")) {
                for (int i = 0; i < scope.size(); i++) {
                    if (Names.matches(n.name().text(), scope.name(i)) && out.indexOf(scope.name(i)) < 0) {
                        out.put(scope.name(i), scope.get(i));
                    }
                }
                continue;
            }
            BoundExpr e = scalars.bind(a.value(), scope, env);
            windowed |= hasWindow(e);
            String name = a.isNamed() ? a.names().get(0).text() : Names.infer(a.value());
            if (name == null) {
                name = Names.column(out.names());
            }
            checkNew(out, name, a.span());
            out.put(name, e);
        }
        return new ProjectOperator("project", input, out.schema(), out.exprs(), windowed);
    }

    private void checkNew(RowScope out, String name, Span span) {
        if (out.indexOf(name) >= 0) {
            binder.report(BindDiagnostics.duplicateColumn(span, name));
        }
    }

    private PlanNode keep(PlanNode input, RowScope scope, List<Name> patterns, boolean keep) {
        Set<String> matched = new LinkedHashSet<>();
        for (Name p : patterns) {
            boolean any = false;
            for (String n : scope.names()) {
                if (Names.matches(p.text(), n)) {
                    matched.add(n);
                    any = true;
                }
            }
            if (!any && !p.text().contains("*")) {
                binder.report(BindDiagnostics.unknownColumn(p.span(), p.text(), scope.names()));
            }
        }
        RowScope out = RowScope.empty();
        for (int i = 0; i < scope.size(); i++) {
            if (matched.contains(scope.name(i)) == keep) {
                out.put(scope.name(i), scope.get(i));
            }
        }
        return new ProjectOperator(keep ? "project-keep" : "project-away", input, out.schema(), out.exprs(), false);
    }

    private PlanNode rename(PlanNode input, RowScope scope, TabularOperator.ProjectRename pr) {
        List<String> names = new ArrayList<>(scope.names());
        for (TabularOperator.Rename r : pr.renames()) {
            int i = names.indexOf(r.oldName().text());
            if (i < 0) {
                binder.report(BindDiagnostics.unknownColumn(r.oldName().span(), r.oldName().text(), names));
                continue;
            }
            int clash = names.indexOf(r.newName().text());
            if (clash >= 0 && clash != i) {
                binder.report(BindDiagnostics.duplicateColumn(r.newName().span(), r.newName().text()));
                continue;
            }
            names.set(i, r.newName().text());
        }
        RowScope out = RowScope.empty();
        for (int i = 0; i < scope.size(); i++) {
            out.put(names.get(i), scope.get(i));
        }
        return new ProjectOperator("project-rename", input, out.schema(), out.exprs(), false);
    }

    private PlanNode reorder(PlanNode input, RowScope scope, List<ReorderItem> items) {
        List<String> order = new ArrayList<>();
        for (ReorderItem item : items) {
            List<String> matched = new ArrayList<>();
            for (String n : scope.names()) {
                if (Names.matches(item.pattern().text(), n) && !order.contains(n) && !matched.contains(n)) {
                    matched.add(n);
                }
            }
            if (matched.isEmpty() && !item.pattern().text().contains("*")) {
                binder.report(BindDiagnostics.unknownColumn(item.pattern().span(), item.pattern().text(), scope.names()));
            }
            String o = item.order() == null ? "" : item.order().toLowerCase(java.util.Locale.ROOT);
            if (o.contains("asc")) {
                matched.sort(o.contains("granny") ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder());
            } else if (o.contains("desc")) {
                matched.sort((o.contains("granny") ? String.CASE_INSENSITIVE_ORDER : Comparator.<String>naturalOrder())
                        .reversed());
            }
            order.addAll(matched);
        }
        for (String n : scope.names()) {
            if (!order.contains(n)) {
                order.add(n);
            }
        }
        RowScope out = RowScope.empty();
        for (String n : order) {
            out.put(n, scope.get(scope.indexOf(n)));
        }
        return new ProjectOperator("project-reorder", input, out.schema(), out.exprs(), false);
    }

    private PlanNode distinct(PlanNode input, RowScope scope, TabularOperator.Distinct d, Env env) {
        RowScope out = RowScope.empty();
        for (Assignment a : d.columns()) {
            if (!a.isNamed() && a.value() instanceof Expr.Star) {
                for (int i = 0; i < scope.size(); i++) {
                    out.put(scope.name(i), scope.get(i));
                }
                continue;
            }
            BoundExpr e = scalars.bind(a.value(), scope, env);
            String name = a.isNamed() ? a.names().get(0).text() : Names.infer(a.value());
            if (name == null) {
                name = Names.column(out.names());
            }
            checkNew(out, name, a.span());
            out.put(name, e);
        }
        return new DistinctOperator(input, out.schema(), out.exprs());
    }

    private PlanNode getSchema(Schema schema) {
        Schema result = Schema.parse("ColumnName:string, ColumnOrdinal:int, DataType:string, ColumnType:string");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.column(i);
            rows.add(new Object[] {c.name(), i, dotNetType(c.type()), c.type().kqlName()});
        }
        return new ValuesOperator("GetSchema", result, rows);
    }

    private static String dotNetType(ScalarType t) {
        return switch (t) {
            case BOOL -> "System.Boolean";
            case INT -> "System.Int32";
            case LONG -> "System.Int64";
            case REAL -> "System.Double";
            case DECIMAL -> "System.Data.SqlTypes.SqlDecimal";
            case STRING -> "System.String";
            case DATETIME -> "System.DateTime";
            case TIMESPAN -> "System.TimeSpan";
            case GUID -> "System.Guid";
            case DYNAMIC -> "System.Object";
        };
    }

    /** Columns FileProfile() adds (Defender's file enrichment service). */
    private static final Schema FILE_PROFILE = Schema.parse("SHA1:string, SHA256:string, MD5:string, FileSize:long,"
            + " GlobalPrevalence:long, GlobalFirstSeen:datetime, GlobalLastSeen:datetime, Signer:string, Issuer:string,"
            + " SignerHash:string, IsCertificateValid:bool, IsRootSignerMicrosoft:bool, SignatureState:string,"
            + " IsExecutable:bool, ThreatName:string, Publisher:string, SoftwareName:string, Description:string,"
            + " ProductName:string, ProductVersion:string, ProfileAvailability:string");

    /** Offline there is no file enrichment: FileProfile adds its columns, empty, and says so. */
    private PlanNode fileProfile(TabularOperator.Invoke inv, PlanNode input) {
        binder.report(BindDiagnostics.offline(inv.span(), "FileProfile()", "its columns (GlobalPrevalence, Signer, ...)"
                + " are empty"));
        RowScope out = RowScope.of(input.schema());
        for (Column c : FILE_PROFILE.columns()) {
            if (out.indexOf(c.name()) < 0) {
                out.put(c.name(), new BoundExpr.Const(c.type(), io.egress.data.io.ValueConverter.nullOf(c.type())));
            }
        }
        return new ProjectOperator("FileProfile (offline: empty)", input, out.schema(), out.exprs(), false);
    }

    private PlanNode invoke(TabularOperator.Invoke inv, PlanNode input, Env env) {
        String name = inv.function().function().text();
        Env.Symbol s = env.lookup(name);
        if (s == null && name.equals("FileProfile")) {
            return fileProfile(inv, input);
        }
        if (s instanceof Env.Function f) {
            List<Expr> args = new ArrayList<>();
            args.add(new Expr.InputRef(new Span(inv.span().start(), 0)));
            args.addAll(inv.function().args());
            Object r = binder.expandFunction(f, args, inv.span(), RowScope.empty(), env.withInput(input));
            if (r instanceof PlanNode p) {
                return p;
            }
            binder.report(BindDiagnostics.wrongKind(inv.span(), "invoke needs a function that returns a table"));
            return input;
        }
        binder.report(BindDiagnostics.unknownFunction(inv.function().function().span(), name, env.tabularNames()));
        return input;
    }
}
