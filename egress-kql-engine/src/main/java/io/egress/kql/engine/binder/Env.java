package io.egress.kql.engine.binder;

import io.egress.kql.engine.plan.BoundExpr;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.tree.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lexical environment of let-bound names: scalars, tabular values and user functions. */
final class Env {
    sealed interface Symbol permits Scalar, Tabular, Function {
    }

    /** A scalar let (constant-folded when possible). */
    record Scalar(BoundExpr value) implements Symbol {
    }

    /** A tabular let, table parameter or {@code as} name; {@code name} is the name used for withsource. */
    record Tabular(PlanNode plan) implements Symbol {
    }

    /** A user function or view; bound again at each call (inline expansion) in its closure. */
    record Function(String name, List<Statement.Param> params, Statement.Block body, Env closure, boolean view)
            implements Symbol {
    }

    private final Env parent;
    private final Map<String, Symbol> symbols = new HashMap<>();
    private final PlanNode implicitInput;

    Env(Env parent, PlanNode implicitInput) {
        this.parent = parent;
        this.implicitInput = implicitInput;
    }

    Env child() {
        return new Env(this, implicitInput);
    }

    Env withInput(PlanNode input) {
        return new Env(this, input);
    }

    PlanNode implicitInput() {
        return implicitInput;
    }

    void define(String name, Symbol symbol) {
        symbols.put(name, symbol);
    }

    Symbol lookup(String name) {
        for (Env e = this; e != null; e = e.parent) {
            Symbol s = e.symbols.get(name);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        for (Env e = this; e != null; e = e.parent) {
            out.addAll(e.symbols.keySet());
        }
        return out;
    }

    List<String> tabularNames() {
        List<String> out = new ArrayList<>();
        for (Env e = this; e != null; e = e.parent) {
            e.symbols.forEach((k, v) -> {
                if (!(v instanceof Scalar)) {
                    out.add(k);
                }
            });
        }
        return out;
    }
}
