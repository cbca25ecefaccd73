package io.egress.kql.engine.exec;

/** A scalar expression compiled once into a closure over a row: no name lookups or tree walks per row. */
@FunctionalInterface
public interface RowExpr {
    Object eval(Object[] row, ExecContext ctx);
}
