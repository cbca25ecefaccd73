package io.egress.kql.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.plan.BoundExpr;
import java.util.List;

/** Turns a bound expression into a {@link RowExpr} closure, once, at plan time. */
public final class ExprCompiler {
    private ExprCompiler() {
    }

    public static RowExpr[] compileAll(List<BoundExpr> exprs) {
        RowExpr[] out = new RowExpr[exprs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(exprs.get(i));
        }
        return out;
    }

    public static RowExpr compile(BoundExpr expr) {
        if (expr instanceof BoundExpr.Const c) {
            Object value = c.value();
            return (row, ctx) -> value;
        }
        if (expr instanceof BoundExpr.Column c) {
            int index = c.index();
            return (row, ctx) -> row[index];
        }
        if (expr instanceof BoundExpr.Call call) {
            return call(call);
        }
        if (expr instanceof BoundExpr.SetTest set) {
            RowExpr left = compile(set.left());
            BoundScalar impl = set.impl();
            return (row, ctx) -> impl.invoke(new Object[] {left.eval(row, ctx)}, ctx.eval());
        }
        if (expr instanceof BoundExpr.Logic logic) {
            RowExpr left = compile(logic.left());
            RowExpr right = compile(logic.right());
            BoundScalar impl = logic.impl();
            Boolean decisive = !logic.and();
            return (row, ctx) -> {
                Object l = left.eval(row, ctx);
                if (decisive.equals(l)) {
                    return decisive;
                }
                return impl.invoke(new Object[] {l, right.eval(row, ctx)}, ctx.eval());
            };
        }
        if (expr instanceof BoundExpr.Member m) {
            RowExpr target = compile(m.target());
            String key = m.key();
            return (row, ctx) -> Dynamics.member(target.eval(row, ctx), key);
        }
        if (expr instanceof BoundExpr.Index ix) {
            RowExpr target = compile(ix.target());
            RowExpr index = compile(ix.index());
            return (row, ctx) -> Dynamics.index(target.eval(row, ctx), index.eval(row, ctx));
        }
        if (expr instanceof BoundExpr.ScalarQuery q) {
            return (row, ctx) -> ctx.cached(q, () -> {
                Object[] first = q.query().open(ctx).next();
                return first == null || first.length == 0 ? null : first[0];
            });
        }
        if (expr instanceof BoundExpr.InQuery q) {
            RowExpr left = compile(q.left());
            return (row, ctx) -> {
                BoundScalar impl = ctx.cached(q, () -> bindQuerySet(q, ctx));
                return impl.invoke(new Object[] {left.eval(row, ctx)}, ctx.eval());
            };
        }
        if (expr instanceof BoundExpr.RowWindow w) {
            return WindowFunctions.compile(w);
        }
        if (expr instanceof BoundExpr.Invalid) {
            // only in plans with errors, which never run
            return (row, ctx) -> {
                throw new IllegalStateException("a plan with binding errors was executed");
            };
        }
        throw new IllegalStateException("cannot compile " + expr);
    }

    private static BoundScalar bindQuerySet(BoundExpr.InQuery q, ExecContext ctx) {
        List<Object> values = new java.util.ArrayList<>();
        RowSource rows = q.query().open(ctx);
        for (Object[] row = rows.next(); row != null; row = rows.next()) {
            values.add(row.length == 0 ? null : row[0]);
        }
        var bound = q.operators().bindSet(q.op(), q.left().type(), values);
        if (bound instanceof io.egress.kql.engine.functions.BindResult.Bound<BoundScalar> b) {
            return b.implementation();
        }
        throw new io.egress.kql.engine.QueryRuntimeException(io.egress.kql.engine.binder.BindDiagnostics.runtime(
                io.egress.kql.syntax.text.Span.NONE,
                ((io.egress.kql.engine.functions.BindResult.Error<BoundScalar>) bound).message()));
    }

    private static RowExpr call(BoundExpr.Call call) {
        BoundScalar impl = call.impl();
        RowExpr[] args = compileAll(call.args());
        if (CLOCK_FUNCTIONS.contains(call.name()) && call.args().stream().allMatch(a -> a instanceof BoundExpr.Const)) {
            return perContext(call(impl, args));
        }
        return call(impl, args);
    }

    /** Functions whose value depends on nothing but their arguments and the query's clock ({@code ExecContext.now}). */
    private static final java.util.Set<String> CLOCK_FUNCTIONS = java.util.Set.of("ago", "now");

    /**
     * Evaluates {@code expr} once per {@link ExecContext} (its value depends on nothing else), through the
     * context's cache: {@code Timestamp > ago(24h)} then costs no date arithmetic per row.
     */
    private static RowExpr perContext(RowExpr expr) {
        Object key = new Object(); // this call site
        return (row, ctx) -> {
            Object value = ctx.lookup(key); // no capturing lambda per row: filters call this on every row
            if (value == ExecContext.MISSING) {
                value = expr.eval(row, ctx);
                ctx.put(key, value);
            }
            return value;
        };
    }

    private static RowExpr call(BoundScalar impl, RowExpr[] args) {
        switch (args.length) {
            case 0:
                return (row, ctx) -> impl.invoke(new Object[0], ctx.eval());
            case 1: {
                RowExpr a = args[0];
                return (row, ctx) -> impl.invoke(new Object[] {a.eval(row, ctx)}, ctx.eval());
            }
            case 2: {
                RowExpr a = args[0];
                RowExpr b = args[1];
                return (row, ctx) -> impl.invoke(new Object[] {a.eval(row, ctx), b.eval(row, ctx)}, ctx.eval());
            }
            default:
                return (row, ctx) -> {
                    Object[] values = new Object[args.length];
                    for (int i = 0; i < args.length; i++) {
                        values[i] = args[i].eval(row, ctx);
                    }
                    return impl.invoke(values, ctx.eval());
                };
        }
    }

    /** Dynamic member and index access (missing members and JSON null give null). */
    static final class Dynamics {
        private Dynamics() {
        }

        static Object member(Object target, String key) {
            if (target instanceof String s) {
                target = s.isEmpty() ? null : io.egress.data.io.ValueConverter.dynamicFromText(s);
            }
            if (target instanceof JsonNode node && node.isObject()) {
                return unwrapNull(node.get(key));
            }
            return null;
        }

        static Object index(Object target, Object index) {
            if (target instanceof String s) {
                target = s.isEmpty() ? null : io.egress.data.io.ValueConverter.dynamicFromText(s);
            }
            if (!(target instanceof JsonNode node)) {
                return null;
            }
            if (index instanceof Number n && node.isArray()) {
                long i = n.longValue();
                if (i < 0) {
                    i += node.size();
                }
                return i < 0 || i >= node.size() ? null : unwrapNull(node.get((int) i));
            }
            if (index instanceof String s && node.isObject()) {
                return unwrapNull(node.get(s));
            }
            return null;
        }

        private static Object unwrapNull(JsonNode node) {
            return node == null || node.isNull() ? null : node;
        }
    }
}
