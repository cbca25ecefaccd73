package io.egress.kql.engine.binder;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.exec.ExecContext;
import io.egress.kql.engine.exec.ExprCompiler;
import io.egress.kql.engine.exec.ProjectOperator;
import io.egress.kql.engine.exec.RowExpr;
import io.egress.kql.engine.exec.RowSource;
import io.egress.kql.engine.exec.ValuesOperator;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.ScalarFunction;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Expr;
import io.egress.kql.syntax.tree.TabularOperator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evaluate bag_unpack(Bag [, Prefix])}: one column per key of the property bags, after the input's
 * other columns (the bag column itself goes). The output columns depend on the data, so the plan is made
 * at run time: when binding without data the operator drops the bag column, names it cannot know are
 * accepted, and the compilation is marked data-dependent; {@link io.egress.kql.engine.Compilation} then
 * binds the query again over the real tables (a "probe"), where this binder reads the input once,
 * collects the keys in order of first appearance and types each column from its values (all strings:
 * string; whole numbers: long; numbers: real; booleans: bool; anything else or a mix: dynamic).
 */
final class BagUnpackBinder {
    private final Binder binder;

    BagUnpackBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bind(TabularOperator.Evaluate ev, PlanNode input, Env env) {
        Expr.Call call = ev.plugin();
        List<Expr> args = call.args();
        if (args.isEmpty() || args.size() > 4) {
            binder.report(BindDiagnostics.badArguments(call.span(), "bag_unpack() takes (bag column [, prefix])"));
            return input;
        }
        RowScope scope = RowScope.of(input.schema());
        Expr bagSyntax = ScalarBinder.unwrapNamed(args.get(0));
        BoundExpr bag = binder.scalars().bind(bagSyntax, scope, env);
        if (bag instanceof BoundExpr.Invalid) {
            return input;
        }
        if (bag.type() != ScalarType.DYNAMIC && bag.type() != ScalarType.STRING) {
            binder.report(BindDiagnostics.typeMismatch(bagSyntax.span(), "bag_unpack() needs a dynamic property bag,"
                    + " not " + bag.type().kqlName()));
            return input;
        }
        String prefix = "";
        if (args.size() > 1) {
            BoundExpr p = binder.scalars().bind(ScalarBinder.unwrapNamed(args.get(1)), RowScope.empty(), env);
            if (p instanceof BoundExpr.Const k && (k.value() instanceof String || k.value() == null)) {
                prefix = k.value() == null ? "" : (String) k.value();
            } else if (!(p instanceof BoundExpr.Invalid)) {
                binder.report(BindDiagnostics.notConstant(args.get(1).span(), "the bag_unpack column prefix"));
                return input;
            }
        }
        RowScope out = bag instanceof BoundExpr.Column c ? scope.without(c.name()) : scope.copy();
        ExecContext probe = binder.probe();
        if (probe == null) {
            binder.dataDependent(ev.span());
            return new ProjectOperator("bag_unpack (columns known at run time)", input, out.schema(), out.exprs(), false);
        }
        List<Object[]> rows = new ArrayList<>();
        RowSource source = input.open(probe);
        for (Object[] row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        Map<String, ScalarType> keys = keys(rows, ExprCompiler.compile(bag), probe);
        PlanNode values = new ValuesOperator("bag_unpack input", input.schema(), rows);
        for (Map.Entry<String, ScalarType> k : keys.entrySet()) {
            String name = prefix + k.getKey();
            if (out.indexOf(name) >= 0) {
                binder.report(BindDiagnostics.duplicateColumn(ev.span(), name));
                continue;
            }
            out.put(name, convert(new BoundExpr.Member(bag, k.getKey()), k.getValue()));
        }
        return new ProjectOperator("bag_unpack", values, out.schema(), out.exprs(), false);
    }

    private static Map<String, ScalarType> keys(List<Object[]> rows, RowExpr bag, ExecContext ctx) {
        Map<String, ScalarType> keys = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Object v = bag.eval(row, ctx);
            JsonNode n = v instanceof JsonNode j ? j : v instanceof String s && !s.isEmpty()
                    ? ValueConverter.dynamicFromText(s) : null;
            if (n == null || !n.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                ScalarType t = typeOf(f.getValue());
                keys.merge(f.getKey(), t, BagUnpackBinder::merge);
            }
        }
        keys.replaceAll((k, t) -> t == null ? ScalarType.DYNAMIC : t);
        return keys;
    }

    /** The column type a JSON value asks for; null for a JSON null (it decides nothing). */
    private static ScalarType typeOf(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return ScalarType.STRING;
        }
        if (v.isBoolean()) {
            return ScalarType.BOOL;
        }
        if (v.isIntegralNumber()) {
            return ScalarType.LONG;
        }
        if (v.isNumber()) {
            return ScalarType.REAL;
        }
        return ScalarType.DYNAMIC;
    }

    private static ScalarType merge(ScalarType a, ScalarType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        if ((a == ScalarType.LONG && b == ScalarType.REAL) || (a == ScalarType.REAL && b == ScalarType.LONG)) {
            return ScalarType.REAL;
        }
        return ScalarType.DYNAMIC;
    }

    private BoundExpr convert(BoundExpr member, ScalarType type) {
        String fn = switch (type) {
            case STRING -> "tostring";
            case LONG -> "tolong";
            case REAL -> "toreal";
            case BOOL -> "tobool";
            default -> null;
        };
        if (fn == null) {
            return member;
        }
        Optional<ScalarFunction> f = binder.registry().scalar(fn);
        if (f.isEmpty()) {
            return member;
        }
        List<Object> constants = new ArrayList<>();
        constants.add(null);
        BindResult<BoundScalar> r = f.get().bind(List.of(ScalarType.DYNAMIC), constants);
        if (!(r instanceof BindResult.Bound<BoundScalar> b)) {
            return member;
        }
        return new BoundExpr.Call(fn, List.of(member), b.implementation(), b.implementation().returnType());
    }
}
