package io.egress.kql.engine.exec;

/** A pull-based stream of rows; {@link #next} returns null when exhausted. Rows are never mutated downstream. */
@FunctionalInterface
public interface RowSource {
    Object[] next();

    static RowSource of(java.util.List<Object[]> rows) {
        java.util.Iterator<Object[]> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    /** Drains the source into a list. */
    default java.util.List<Object[]> drain() {
        java.util.List<Object[]> out = new java.util.ArrayList<>();
        for (Object[] row = next(); row != null; row = next()) {
            out.add(row);
        }
        return out;
    }
}
