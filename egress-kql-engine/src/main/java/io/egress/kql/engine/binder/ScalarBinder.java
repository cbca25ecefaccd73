package io.egress.kql.engine.binder;

import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.data.io.ValueConverter;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.BoundScalar;
import io.egress.kql.engine.functions.EvalContext;
import io.egress.kql.engine.functions.ScalarFunction;
import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.text.Span;
import io.egress.kql.syntax.tree.BinaryOp;
import io.egress.kql.syntax.tree.Expr;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Binds scalar expressions: resolves names, types operators and functions, folds constants. */
final class ScalarBinder {
    /** Functions whose value changes at each evaluation: a let calling one is not computed once (SharedOperator). */
    private static final Set<String> VOLATILE = Set.of("rand", "new_guid", "newguid");
    /** Functions whose value depends on the moment or on chance: never folded at bind time. */
    private static final Set<String> NOT_FOLDABLE = Set.of("now", "ago", "rand", "new_guid", "newguid",
            "ingestion_time", "current_cluster_endpoint", "current_database", "current_principal",
            "extent_id", "extent_tags", "cursor_current", "row_number", "prev", "next", "row_cumsum");
    private static final EvalContext FOLD_CONTEXT = new EvalContext(Instant.EPOCH);

    private final Binder binder;
    /** When set (inside summarize), aggregate calls are handed to it; it returns a column of the result. */
    private Function<Expr.Call, BoundExpr> aggregateHook;

    ScalarBinder(Binder binder) {
        this.binder = binder;
    }

    void aggregateHook(Function<Expr.Call, BoundExpr> hook) {
        this.aggregateHook = hook;
    }

    BoundExpr bind(Expr expr, RowScope scope, Env env) {
        if (expr instanceof Expr.NameRef n) {
            return name(n, scope, env);
        }
        if (expr instanceof Expr.Literal lit) {
            Optional<Object> value = Literals.value(lit.kind(), lit.value());
            ScalarType type = Literals.type(lit.kind());
            if (value.isEmpty()) {
                binder.report(BindDiagnostics.badLiteral(lit.span(), "invalid " + type.kqlName() + " literal '"
                        + lit.text() + "'"));
                return new BoundExpr.Invalid(type);
            }
            Object v = value.get() == Literals.NULL ? null : value.get();
            return new BoundExpr.Const(type, v);
        }
        if (expr instanceof Expr.DynamicLiteral d) {
            try {
                return new BoundExpr.Const(ScalarType.DYNAMIC, Literals.dynamic(d.jsonText()).orElse(null));
            } catch (IllegalArgumentException e) {
                binder.report(BindDiagnostics.badLiteral(d.span(), e.getMessage()));
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
        }
        if (expr instanceof Expr.TypedNull t) {
            ScalarType type = type(t.type(), t.span());
            return new BoundExpr.Const(type, ValueConverter.nullOf(type));
        }
        if (expr instanceof Expr.Parenthesized p) {
            return bind(p.inner(), scope, env);
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b, scope, env);
        }
        if (expr instanceof Expr.Unary u) {
            BoundExpr operand = bind(u.operand(), scope, env);
            if (u.op().equals("+") && operand.type().isNumeric()) {
                return operand;
            }
            return unary(u.op(), operand, u.span());
        }
        if (expr instanceof Expr.Between b) {
            BoundExpr v = bind(b.value(), scope, env);
            BoundExpr lo = bind(b.low(), scope, env);
            BoundExpr hi = bind(b.high(), scope, env);
            if (invalid(v, lo, hi)) {
                return new BoundExpr.Invalid(ScalarType.BOOL);
            }
            BindResult<BoundScalar> r = binder.registry().operators().bindBetween(b.negated(), v.type(), lo.type(), hi.type());
            return apply(b.negated() ? "!between" : "between", List.of(v, lo, hi), r, b.span(), true);
        }
        if (expr instanceof Expr.Call c) {
            return call(c, scope, env);
        }
        if (expr instanceof Expr.Member m) {
            BoundExpr target = bind(m.target(), scope, env);
            if (target instanceof BoundExpr.Invalid) {
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
            if (target.type() != ScalarType.DYNAMIC && target.type() != ScalarType.STRING) {
                binder.report(BindDiagnostics.typeMismatch(m.member().span(), "'." + m.member().text()
                        + "' needs a dynamic value but the expression is " + target.type().kqlName()));
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
            return new BoundExpr.Member(target, m.member().text());
        }
        if (expr instanceof Expr.Index ix) {
            BoundExpr target = bind(ix.target(), scope, env);
            BoundExpr index = bind(ix.index(), scope, env);
            if (invalid(target, index)) {
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
            if (index instanceof BoundExpr.Const c && c.value() instanceof String key) {
                return new BoundExpr.Member(target, key);
            }
            return new BoundExpr.Index(target, index);
        }
        if (expr instanceof Expr.NamedArg na) {
            return bind(na.value(), scope, env);
        }
        if (expr instanceof Expr.ListExpr list && list.items().size() == 1) {
            return bind(list.items().get(0), scope, env);
        }
        if (expr instanceof Expr.Error) {
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        if (expr instanceof Expr.TypeOf t) {
            // a type argument (extract(..., typeof(long))): the registry takes the type's name
            return new BoundExpr.Const(ScalarType.STRING, type(t.type(), t.span()).kqlName());
        }
        if (expr instanceof Expr.Star s) {
            binder.report(BindDiagnostics.unsupported(s.span(), "'*' as a scalar expression"));
            return new BoundExpr.Invalid(ScalarType.BOOL);
        }
        if (Binder.isTabularSyntax(expr)) {
            binder.report(BindDiagnostics.wrongKind(expr.span(), "a tabular expression cannot be used as a scalar"
                    + " value here"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        binder.report(BindDiagnostics.wrongKind(expr.span(), "this expression is not a scalar value"));
        return new BoundExpr.Invalid(ScalarType.DYNAMIC);
    }

    ScalarType type(String name, Span span) {
        Optional<ScalarType> t = ScalarType.fromName(name);
        if (t.isEmpty()) {
            binder.report(BindDiagnostics.badLiteral(span, "unknown type '" + name + "'"));
            return ScalarType.DYNAMIC;
        }
        return t.get();
    }

    private BoundExpr name(Expr.NameRef n, RowScope scope, Env env) {
        String name = n.name().text();
        int i = scope.indexOf(name);
        if (i >= 0) {
            return scope.get(i);
        }
        Env.Symbol symbol = env.lookup(name);
        if (symbol instanceof Env.Scalar s) {
            return s.value();
        }
        if (symbol instanceof Env.Function f && f.params().isEmpty()) {
            Object result = binder.expandFunction(f, List.of(), n.span(), scope, env);
            if (result instanceof BoundExpr e) {
                return e;
            }
        }
        if (symbol != null) {
            binder.report(BindDiagnostics.wrongKind(n.span(), "'" + name + "' is tabular; it cannot be used as a"
                    + " scalar value"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        List<String> candidates = new ArrayList<>(scope.names());
        candidates.addAll(env.names());
        binder.report(BindDiagnostics.unknownColumn(n.span(), name, candidates));
        return new BoundExpr.Invalid(ScalarType.DYNAMIC);
    }

    private BoundExpr binary(Expr.Binary b, RowScope scope, Env env) {
        BinaryOp op = b.op();
        if (op.takesList()) {
            return setOperator(b, scope, env);
        }
        if (b.left() instanceof Expr.Star) {
            return anyColumn(b, scope, env);
        }
        String spelling = op == BinaryOp.SEARCH_HAS ? "has" : op.spelling();
        BoundExpr left = bind(b.left(), scope, env);
        BoundExpr right = bind(b.right(), scope, env);
        if (invalid(left, right)) {
            return new BoundExpr.Invalid(op.precedence() == 3 || op.precedence() <= 2 ? ScalarType.BOOL : left.type());
        }
        Object rightConstant = right instanceof BoundExpr.Const c ? c.value() : null;
        BindResult<BoundScalar> r = binder.registry().operators()
                .bindBinary(spelling, left.type(), right.type(), rightConstant);
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            if (r instanceof BindResult.Error<BoundScalar> e) {
                binder.report(BindDiagnostics.typeMismatch(b.span(), e.message()));
                return new BoundExpr.Invalid(ScalarType.BOOL);
            }
            BoundScalar impl = ((BindResult.Bound<BoundScalar>) r).implementation();
            BoundExpr logic = new BoundExpr.Logic(op == BinaryOp.AND, left, right, impl);
            return fold(logic, left instanceof BoundExpr.Const && right instanceof BoundExpr.Const);
        }
        if (r instanceof BindResult.Error<BoundScalar> && COMPARISONS.contains(spelling)) {
            BoundExpr[] converted = numericForString(left, right, b.span());
            if (converted != null) {
                left = converted[0];
                right = converted[1];
                rightConstant = right instanceof BoundExpr.Const c ? c.value() : null;
                r = binder.registry().operators().bindBinary(spelling, left.type(), right.type(), rightConstant);
            }
        }
        return apply(spelling, List.of(left, right), r, b.span(), true);
    }

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    /**
     * {@code RemotePort == "3389"}, {@code CrashProcessId == ProcessId}: a number compared with a string.
     * Azure Data Explorer rejects it, but Defender and Sentinel run such queries (they are common in
     * published content), comparing the string as a number; so does Egress, with warning KQL211.
     * Returns the two operands with the string side converted, or null when this is not that case.
     */
    private BoundExpr[] numericForString(BoundExpr left, BoundExpr right, Span span) {
        boolean leftNumber = isNumber(left.type());
        boolean rightNumber = isNumber(right.type());
        if (!(leftNumber && right.type() == ScalarType.STRING) && !(rightNumber && left.type() == ScalarType.STRING)) {
            return null;
        }
        ScalarType number = leftNumber ? left.type() : right.type();
        String convert = number == ScalarType.REAL || number == ScalarType.DECIMAL ? "toreal" : "tolong";
        BoundExpr text = leftNumber ? right : left;
        Optional<ScalarFunction> fn = binder.registry().scalar(convert);
        if (fn.isEmpty()) {
            return null;
        }
        List<Object> constants = new ArrayList<>();
        constants.add(text instanceof BoundExpr.Const k ? k.value() : null);
        BoundExpr converted = apply(convert, List.of(text), fn.get().bind(List.of(ScalarType.STRING), constants), span, true);
        binder.report(BindDiagnostics.implicitConversion(span, "a " + number.kqlName() + " is compared with a string;"
                + " the string is read as a number (" + convert + "), as Defender does",
                "write " + convert + "(...) or compare with a number to make it explicit"));
        return leftNumber ? new BoundExpr[] {left, converted} : new BoundExpr[] {converted, right};
    }

    private static boolean isNumber(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.REAL || t == ScalarType.DECIMAL;
    }

    /** {@code * has "x"}: true when any string column satisfies the operator (an or over those columns). */
    private BoundExpr anyColumn(Expr.Binary b, RowScope scope, Env env) {
        BoundExpr right = bind(b.right(), scope, env);
        if (right instanceof BoundExpr.Invalid) {
            return new BoundExpr.Invalid(ScalarType.BOOL);
        }
        Object rightConstant = right instanceof BoundExpr.Const c ? c.value() : null;
        String spelling = b.op() == BinaryOp.SEARCH_HAS ? "has" : b.op().spelling();
        List<BoundExpr> tests = new ArrayList<>();
        for (int i = 0; i < scope.size(); i++) {
            BoundExpr col = scope.get(i);
            if (col.type() != ScalarType.STRING) {
                continue;
            }
            BindResult<BoundScalar> r = binder.registry().operators().bindBinary(spelling, ScalarType.STRING,
                    right.type(), rightConstant);
            BoundExpr test = apply(spelling, List.of(col, right), r, b.span(), false);
            if (test instanceof BoundExpr.Invalid) {
                return test;
            }
            tests.add(test);
        }
        return logic(false, tests);
    }

    /**
     * The and / or of {@code terms}, as a balanced tree so that thousands of terms stay shallow for the
     * compiler and the evaluator (left to right, short-circuited, as a left-deep chain would be).
     */
    BoundExpr logic(boolean and, List<BoundExpr> terms) {
        if (terms.isEmpty()) {
            return new BoundExpr.Const(ScalarType.BOOL, and);
        }
        BindResult<BoundScalar> r = binder.registry().operators().bindBinary(and ? "and" : "or", ScalarType.BOOL,
                ScalarType.BOOL, null);
        return balanced(and, terms, 0, terms.size(), ((BindResult.Bound<BoundScalar>) r).implementation());
    }

    private static BoundExpr balanced(boolean and, List<BoundExpr> terms, int from, int to, BoundScalar impl) {
        if (to - from == 1) {
            return terms.get(from);
        }
        int mid = (from + to) >>> 1;
        return new BoundExpr.Logic(and, balanced(and, terms, from, mid, impl), balanced(and, terms, mid, to, impl), impl);
    }

    private BoundExpr setOperator(Expr.Binary b, RowScope scope, Env env) {
        String op = b.op().spelling();
        BoundExpr left = bind(b.left(), scope, env);
        Expr rightSyntax = b.right();
        while (rightSyntax instanceof Expr.Parenthesized p) {
            rightSyntax = p.inner();
        }
        List<Expr> items = rightSyntax instanceof Expr.ListExpr list ? list.items() : List.of(rightSyntax);
        if (items.size() == 1) {
            PlanNode query = binder.tryTabular(items.get(0), env);
            if (query != null) {
                if (left instanceof BoundExpr.Invalid) {
                    return new BoundExpr.Invalid(ScalarType.BOOL);
                }
                return new BoundExpr.InQuery(op, left, query, binder.registry().operators());
            }
        }
        List<BoundExpr> bound = new ArrayList<>();
        boolean constant = true;
        for (Expr item : items) {
            BoundExpr e = bind(item, scope, env);
            bound.add(e);
            constant &= e instanceof BoundExpr.Const;
        }
        if (left instanceof BoundExpr.Invalid || bound.stream().anyMatch(e -> e instanceof BoundExpr.Invalid)) {
            return new BoundExpr.Invalid(ScalarType.BOOL);
        }
        if (!constant) {
            return expandSet(b, op, left, bound);
        }
        List<Object> values = new ArrayList<>();
        for (BoundExpr e : bound) {
            values.addAll(Literals.flatten(((BoundExpr.Const) e).value()));
        }
        BindResult<BoundScalar> r = binder.registry().operators().bindSet(op, left.type(), values);
        if (r instanceof BindResult.Error<BoundScalar> e) {
            binder.report(BindDiagnostics.typeMismatch(b.span(), e.message()));
            return new BoundExpr.Invalid(ScalarType.BOOL);
        }
        BoundExpr set = new BoundExpr.SetTest(op, left, values, ((BindResult.Bound<BoundScalar>) r).implementation());
        return fold(set, left instanceof BoundExpr.Const);
    }

    /** {@code x in (a, colB)} with non-constant items: an or (and, for negated forms) of comparisons. */
    private BoundExpr expandSet(Expr.Binary b, String op, BoundExpr left, List<BoundExpr> items) {
        String each = switch (op) {
            case "in" -> "==";
            case "!in" -> "!=";
            case "in~" -> "=~";
            case "!in~" -> "!~";
            case "has_any", "has_all" -> "has";
            default -> "==";
        };
        boolean and = op.startsWith("!") || op.equals("has_all");
        List<BoundExpr> tests = new ArrayList<>();
        for (BoundExpr item : items) {
            BindResult<BoundScalar> r = binder.registry().operators().bindBinary(each, left.type(), item.type(),
                    item instanceof BoundExpr.Const c ? c.value() : null);
            BoundExpr test = apply(each, List.of(left, item), r, b.span(), false);
            if (test instanceof BoundExpr.Invalid) {
                return test;
            }
            tests.add(test);
        }
        return logic(and, tests);
    }

    private BoundExpr unary(String op, BoundExpr operand, Span span) {
        if (operand instanceof BoundExpr.Invalid) {
            return operand;
        }
        BindResult<BoundScalar> r = binder.registry().operators().bindUnary(op, operand.type());
        return apply(op.equals("-") ? "negate" : op, List.of(operand), r, span, true);
    }

    private BoundExpr call(Expr.Call c, RowScope scope, Env env) {
        String name = c.function().text();
        switch (name) {
            case "toscalar": {
                if (c.args().size() != 1) {
                    binder.report(BindDiagnostics.badArguments(c.span(), "toscalar() takes one tabular argument"));
                    return new BoundExpr.Invalid(ScalarType.DYNAMIC);
                }
                PlanNode q = binder.tryTabular(unwrapNamed(c.args().get(0)), env);
                if (q == null) {
                    // toscalar(scalar expression): Kusto evaluates it once; here it is the expression itself
                    return bind(unwrapNamed(c.args().get(0)), scope, env);
                }
                ScalarType t = q.schema().size() == 0 ? ScalarType.DYNAMIC : q.schema().column(0).type();
                return new BoundExpr.ScalarQuery(q, t);
            }
            case "row_number": {
                long start = 1;
                if (!c.args().isEmpty()) {
                    BoundExpr s = bind(c.args().get(0), scope, env);
                    start = s instanceof BoundExpr.Const k && k.value() instanceof Number num ? num.longValue() : 1;
                }
                return new BoundExpr.RowWindow("row_number", null, 0, null, start, ScalarType.LONG);
            }
            case "prev", "next": {
                if (c.args().isEmpty() || c.args().size() > 3) {
                    binder.report(BindDiagnostics.badArguments(c.span(), name + "() takes (column[, offset[, default]])"));
                    return new BoundExpr.Invalid(ScalarType.DYNAMIC);
                }
                BoundExpr arg = bind(c.args().get(0), scope, env);
                int offset = 1;
                if (c.args().size() > 1) {
                    BoundExpr o = bind(c.args().get(1), scope, env);
                    offset = o instanceof BoundExpr.Const k && k.value() instanceof Number num ? num.intValue() : 1;
                }
                BoundExpr def = c.args().size() > 2 ? bind(c.args().get(2), scope, env) : null;
                return new BoundExpr.RowWindow(name, arg, offset, def, 0, arg.type());
            }
            case "column_ifexists": {
                if (c.args().size() == 2) {
                    BoundExpr n = bind(c.args().get(0), RowScope.empty(), env);
                    if (n instanceof BoundExpr.Const k && k.value() instanceof String col) {
                        int i = scope.indexOf(col);
                        return i >= 0 ? scope.get(i) : bind(c.args().get(1), scope, env);
                    }
                }
                binder.report(BindDiagnostics.badArguments(c.span(), "column_ifexists() takes (\"name\", default)"));
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
            case "pack_all": {
                return packAll(scope, c.span());
            }
            default:
                break;
        }
        Env.Symbol symbol = env.lookup(name);
        if (symbol instanceof Env.Function f) {
            Object r = binder.expandFunction(f, c.args(), c.span(), scope, env);
            if (r instanceof BoundExpr e) {
                return e;
            }
            binder.report(BindDiagnostics.wrongKind(c.span(), "function '" + name + "' returns a table; it cannot"
                    + " be used as a scalar value"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        Optional<AggregateFunction> agg = binder.registry().aggregate(name);
        boolean isArgExtreme = SummarizeBinder.isArgExtreme(name);
        if (agg.isPresent() || isArgExtreme) {
            if (aggregateHook != null) {
                return aggregateHook.apply(c);
            }
            if (binder.registry().scalar(name).isEmpty()) {
                binder.report(BindDiagnostics.wrongKind(c.span(), "aggregate '" + name + "' can only be used in"
                        + " summarize (or make-series, top-nested)"));
                return new BoundExpr.Invalid(ScalarType.DYNAMIC);
            }
        }
        Optional<ScalarFunction> fn = binder.registry().scalar(name);
        if (fn.isEmpty()) {
            List<String> candidates = new ArrayList<>();
            binder.registry().scalars().forEach(s -> candidates.add(s.name()));
            binder.registry().aggregates().forEach(a -> candidates.add(a.name()));
            candidates.addAll(env.names());
            String hint = Suggest.hint(name, candidates);
            String message = binder.knownServiceFunction(name)
                    ? "function '" + name + "' is a Defender/Sentinel service function and is not available offline"
                    : "unknown function '" + name + "'";
            binder.report(new io.egress.kql.syntax.diag.Diagnostic(BindDiagnostics.UNKNOWN_FUNCTION,
                    io.egress.kql.syntax.diag.Severity.ERROR, c.function().span(), message, hint));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        List<BoundExpr> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(bind(unwrapNamed(a), scope, env));
        }
        if (args.stream().anyMatch(a -> a instanceof BoundExpr.Invalid)) {
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        List<ScalarType> types = args.stream().map(BoundExpr::type).toList();
        List<Object> constants = new ArrayList<>();
        for (BoundExpr a : args) {
            constants.add(a instanceof BoundExpr.Const k ? k.value() : null);
        }
        BindResult<BoundScalar> r = fn.get().bind(types, constants);
        if (VOLATILE.contains(name)) {
            binder.volatileCall();
        }
        return apply(name, args, r, c.span(), !NOT_FOLDABLE.contains(name));
    }

    private BoundExpr packAll(RowScope scope, Span span) {
        Optional<ScalarFunction> pack = binder.registry().scalar("bag_pack").or(() -> binder.registry().scalar("pack"));
        if (pack.isEmpty()) {
            binder.report(BindDiagnostics.unsupported(span, "pack_all()"));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        List<BoundExpr> args = new ArrayList<>();
        for (int i = 0; i < scope.size(); i++) {
            args.add(new BoundExpr.Const(ScalarType.STRING, scope.name(i)));
            args.add(scope.get(i));
        }
        List<Object> constants = new ArrayList<>();
        args.forEach(a -> constants.add(a instanceof BoundExpr.Const k ? k.value() : null));
        return apply("pack_all", args, pack.get().bind(args.stream().map(BoundExpr::type).toList(), constants), span, false);
    }

    static Expr unwrapNamed(Expr e) {
        return e instanceof Expr.NamedArg na ? na.value() : e;
    }

    private BoundExpr apply(String name, List<BoundExpr> args, BindResult<BoundScalar> r, Span span, boolean foldable) {
        if (r instanceof BindResult.Error<BoundScalar> e) {
            binder.report(BindDiagnostics.typeMismatch(span, e.message()));
            return new BoundExpr.Invalid(ScalarType.DYNAMIC);
        }
        BoundScalar impl = ((BindResult.Bound<BoundScalar>) r).implementation();
        BoundExpr call = new BoundExpr.Call(name, args, impl, impl.returnType());
        return fold(call, foldable && args.stream().allMatch(a -> a instanceof BoundExpr.Const));
    }

    /** Evaluates an expression over constants now, so functions get constant arguments (regexes, term sets). */
    private BoundExpr fold(BoundExpr expr, boolean allConstant) {
        if (!allConstant) {
            return expr;
        }
        try {
            Object value = io.egress.kql.engine.exec.ExprCompiler.compile(expr).eval(new Object[0],
                    new io.egress.kql.engine.exec.ExecContext(java.util.Map.of(), FOLD_CONTEXT.now()));
            return new BoundExpr.Const(expr.type(), value);
        } catch (RuntimeException e) {
            return expr; // leave it to run time, where the error gets reported with the row
        }
    }

    private static boolean invalid(BoundExpr... exprs) {
        for (BoundExpr e : exprs) {
            if (e instanceof BoundExpr.Invalid) {
                return true;
            }
        }
        return false;
    }

    static boolean isDynamicArray(Object v) {
        return v instanceof JsonNode n && n.isArray();
    }
}
