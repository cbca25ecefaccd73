package io.egress.kql.engine.binder;

import io.egress.kql.syntax.tree.Expr;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Kusto's column naming: names inferred from expressions, aggregate result names, unique suffixes. */
final class Names {
    /** Functions whose result takes the name of their first argument ({@code bin(Timestamp, 1h)} → Timestamp). */
    private static final Set<String> NAME_PRESERVING = Set.of("tostring", "toint", "tolong", "todouble", "toreal",
            "todatetime", "totimespan", "tobool", "toboolean", "todynamic", "toobject", "toguid", "todecimal",
            "bin", "floor", "bin_at", "parse_json");
    private static final Map<String, String> AGGREGATE_PREFIX = Map.ofEntries(
            Map.entry("make_set", "set_"), Map.entry("makeset", "set_"), Map.entry("make_set_if", "set_"),
            Map.entry("make_list", "list_"), Map.entry("makelist", "list_"), Map.entry("make_list_if", "list_"),
            Map.entry("make_list_with_nulls", "list_"), Map.entry("make_bag", "bag_"),
            Map.entry("make_bag_if", "bag_"), Map.entry("any", "any_"), Map.entry("take_any", "any_"),
            Map.entry("anyif", "anyif_"), Map.entry("take_anyif", "anyif_"),
            Map.entry("percentiles_array", "percentiles_"));

    private Names() {
    }

    /** The name Kusto gives an unnamed expression column, or null when it would be {@code ColumnN}. */
    static String infer(Expr e) {
        if (e instanceof Expr.NameRef n) {
            return n.name().text();
        }
        if (e instanceof Expr.Parenthesized p) {
            return infer(p.inner());
        }
        if (e instanceof Expr.Member m) {
            String t = infer(m.target());
            return t == null ? null : t + "_" + m.member().text();
        }
        if (e instanceof Expr.Index ix) {
            String t = infer(ix.target());
            if (t != null && ix.index() instanceof Expr.Literal lit) {
                return t + "_" + lit.value();
            }
            return null;
        }
        if (e instanceof Expr.Call c && NAME_PRESERVING.contains(c.function().text()) && !c.args().isEmpty()) {
            return infer(c.args().get(0));
        }
        return null;
    }

    /** {@code count()} → count_, {@code dcount(X)} → dcount_X, {@code make_set(X)} → set_X, ... */
    static String aggregate(Expr.Call c) {
        String fn = c.function().text();
        String arg = c.args().isEmpty() ? null : infer(ScalarBinder.unwrapNamed(c.args().get(0)));
        String prefix = AGGREGATE_PREFIX.getOrDefault(fn, fn + "_");
        if (fn.equals("countif") || arg == null && fn.equals("count")) {
            return fn + "_";
        }
        if (fn.equals("percentile") && c.args().size() == 2 && arg != null
                && ScalarBinder.unwrapNamed(c.args().get(1)) instanceof Expr.Literal lit && lit.value() instanceof Number p) {
            return "percentile_" + arg + "_" + SummarizeBinder.percentileSuffix(p);
        }
        return prefix + (arg == null ? "" : arg);
    }

    /** {@code tostring(make_set(x))}: name-preserving calls around one aggregate keep its name (set_x). */
    static boolean wrapsAggregate(Expr e) {
        while (e instanceof Expr.Parenthesized p) {
            e = p.inner();
        }
        return e instanceof Expr.Call c && NAME_PRESERVING.contains(c.function().text()) && c.args().size() == 1
                && c.args().get(0) instanceof Expr.Call;
    }

    /** {@code base}, or {@code base1}, {@code base2}, ... whichever is free. */
    static String unique(String base, Collection<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!taken.contains(base + i)) {
                return base + i;
            }
        }
    }

    /** The next free {@code ColumnN}. */
    static String column(Collection<String> taken) {
        for (int i = 1; ; i++) {
            if (!taken.contains("Column" + i)) {
                return "Column" + i;
            }
        }
    }

    /** Whether a name matches a pattern with {@code *} wildcards. */
    static boolean matches(String pattern, String name) {
        if (!pattern.contains("*")) {
            return pattern.equals(name);
        }
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(ch)));
        }
        return name.matches(regex.toString());
    }
}
