package io.egress.kql.engine.exec;

import io.egress.kql.engine.plan.BoundExpr;

/** One sort key: expression, direction and null placement (Kusto: asc → nulls first, desc → nulls last). */
public record SortSpec(BoundExpr expr, boolean descending, boolean nullsFirst) {
    public static SortSpec of(BoundExpr expr, boolean descending, Boolean nullsFirst) {
        return new SortSpec(expr, descending, nullsFirst != null ? nullsFirst : !descending);
    }

    @Override
    public String toString() {
        return expr + (descending ? " desc" : " asc") + (nullsFirst ? " nulls first" : " nulls last");
    }
}
