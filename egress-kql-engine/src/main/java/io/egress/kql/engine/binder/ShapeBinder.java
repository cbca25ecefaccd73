package io.egress.kql.engine.binder;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.kql.engine.exec.MvExpandOperator;
import io.egress.kql.engine.exec.ParseOperator;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.Option;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Binds the operators that reshape rows: {@code mv-expand} and {@code parse} / {@code parse-where}. */
final class ShapeBinder {
    private static final long MVEXPAND_DEFAULT_LIMIT = Integer.MAX_VALUE;

    private final Binder binder;

    ShapeBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode mvExpand(TabularOperator.MvExpand mv, PlanNode input, Env env) {
        RowScope in = RowScope.of(input.schema());
        List<Column> cols = new ArrayList<>(input.schema().columns());
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            from.add(i);
        }
        boolean bagAsArray = false;
        String indexName = null;
        for (Option o : mv.options()) {
            String key = o.key().toLowerCase(Locale.ROOT);
            String value = o.value() instanceof Expr.NameRef n ? n.name().text() : null;
            if ((key.equals("bagexpansion") || key.equals("kind")) && value != null) {
                bagAsArray = value.equalsIgnoreCase("array");
            } else if (key.equals("with_itemindex") && value != null) {
                indexName = value;
            }
        }
        List<BoundExpr> exprs = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<ScalarType> types = new ArrayList<>();
        for (TabularOperator.ExpandItem item : mv.items()) {
            BoundExpr e = binder.scalars().bind(item.column().value(), in, env);
            ScalarType type = item.toType() == null ? ScalarType.DYNAMIC
                    : binder.scalars().type(item.toType(), item.span());
            String name = item.column().isNamed() ? item.column().names().get(0).text() : Names.infer(item.column().value());
            if (name == null) {
                name = Names.column(cols.stream().map(Column::name).toList());
            }
            int at = indexOf(cols, name);
            if (at >= 0) {
                cols.set(at, new Column(name, type));
                from.set(at, -1);
            } else {
                cols.add(new Column(name, type));
                from.add(-1);
                at = cols.size() - 1;
            }
            exprs.add(e);
            targets.add(at);
            types.add(type);
        }
        int indexColumn = -1;
        if (indexName != null) {
            cols.add(new Column(Names.unique(indexName, cols.stream().map(Column::name).toList()), ScalarType.LONG));
            from.add(-1);
            indexColumn = cols.size() - 1;
        }
        long limit = MVEXPAND_DEFAULT_LIMIT;
        if (mv.limit() != null) {
            BoundExpr l = binder.scalars().bind(mv.limit(), RowScope.empty(), env);
            if (l instanceof BoundExpr.Const k && k.value() instanceof Number n) {
                limit = n.longValue();
            } else if (!(l instanceof BoundExpr.Invalid)) {
                binder.report(BindDiagnostics.notConstant(mv.limit().span(), "the mv-expand limit"));
            }
        }
        return new MvExpandOperator(input, new Schema(cols), ints(from), exprs, ints(targets),
                types.toArray(ScalarType[]::new), bagAsArray, indexColumn, limit);
    }

    PlanNode parse(TabularOperator.Parse p, PlanNode input, Env env) {
        RowScope in = RowScope.of(input.schema());
        BoundExpr source = binder.scalars().bind(p.source(), in, env);
        String kind = p.kind().toLowerCase(Locale.ROOT);
        boolean regexMode = kind.equals("regex");
        String flags = "";
        for (Option o : p.options()) {
            if (o.key().equalsIgnoreCase("flags") && o.value() instanceof Expr.NameRef n) {
                flags = n.name().text();
            }
        }
        StringBuilder regex = new StringBuilder("(?s)");
        if (flags.contains("i")) {
            regex.append("(?i)");
        }
        if (!regexMode) {
            regex.append('^');
        }
        List<Column> cols = new ArrayList<>(input.schema().columns());
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            from.add(i);
        }
        List<Integer> targets = new ArrayList<>();
        List<ScalarType> types = new ArrayList<>();
        List<TabularOperator.ParsePart> parts = p.pattern();
        for (int i = 0; i < parts.size(); i++) {
            TabularOperator.ParsePart part = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (part instanceof TabularOperator.ParseText t) {
                String text = String.valueOf(t.text().value());
                regex.append(regexMode ? "(?:" + text + ")" : Pattern.quote(text));
            } else if (part instanceof TabularOperator.ParseStar) {
                regex.append(last ? ".*" : ".*?");
            } else if (part instanceof TabularOperator.ParseColumn c) {
                ScalarType type = c.type() == null ? ScalarType.STRING : binder.scalars().type(c.type(), c.span());
                boolean anyText = type == ScalarType.STRING || kind.equals("relaxed");
                regex.append(anyText ? (last ? "(.*)" : "(.*?)") : ParseOperator.columnRegex(type, last));
                String name = c.name().text();
                int at = indexOf(cols, name);
                if (at >= 0) {
                    cols.set(at, new Column(name, type));
                    from.set(at, -1);
                } else {
                    cols.add(new Column(name, type));
                    from.add(-1);
                    at = cols.size() - 1;
                }
                targets.add(at);
                types.add(type);
            }
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            binder.report(BindDiagnostics.badArguments(p.span(), "the parse pattern is not a valid regular expression: "
                    + e.getDescription()));
            pattern = Pattern.compile("$^");
        }
        return new ParseOperator(input, new Schema(cols), ints(from), source, pattern, ints(targets),
                types.toArray(ScalarType[]::new), p.filtering(), kind.equals("relaxed"));
    }

    private static int indexOf(List<Column> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
