package io.egress.kql.engine.binder;

import io.egress.data.Column;
import io.egress.data.Schema;
import io.egress.kql.engine.plan.BoundExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns visible to a scalar expression: names in output order, each with the bound expression
 * (over the operator's input row) that computes it. For a plain input every expression is a column
 * reference; inside an {@code extend} later items see earlier ones through their expressions.
 */
final class RowScope {
    private final List<String> names;
    private final List<BoundExpr> exprs;

    private RowScope(List<String> names, List<BoundExpr> exprs) {
        this.names = names;
        this.exprs = exprs;
    }

    static RowScope of(Schema schema) {
        List<String> names = new ArrayList<>();
        List<BoundExpr> exprs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Column c = schema.column(i);
            names.add(c.name());
            exprs.add(new BoundExpr.Column(i, c.name(), c.type()));
        }
        return new RowScope(names, exprs);
    }

    static RowScope empty() {
        return new RowScope(new ArrayList<>(), new ArrayList<>());
    }

    RowScope copy() {
        return new RowScope(new ArrayList<>(names), new ArrayList<>(exprs));
    }

    int indexOf(String name) {
        return names.indexOf(name);
    }

    BoundExpr get(int i) {
        return exprs.get(i);
    }

    String name(int i) {
        return names.get(i);
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    List<BoundExpr> exprs() {
        return exprs;
    }

    /** This scope without the named column (the others keep their expressions). */
    RowScope without(String name) {
        RowScope out = copy();
        int i = out.names.indexOf(name);
        if (i >= 0) {
            out.names.remove(i);
            out.exprs.remove(i);
        }
        return out;
    }

    /** Replaces the named column in place, or appends it. */
    void put(String name, BoundExpr expr) {
        int i = names.indexOf(name);
        if (i >= 0) {
            exprs.set(i, expr);
        } else {
            names.add(name);
            exprs.add(expr);
        }
    }

    Schema schema() {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            cols.add(new Column(names.get(i), exprs.get(i).type()));
        }
        return new Schema(cols);
    }
}
