package io.egress.data;

import java.util.List;

/**
 * A table of rows under one schema. Each row is an {@code Object[]} whose values follow the
 * representation documented on {@link ScalarType}; a row array is never modified once the table holds it.
 */
public interface Table {
    Schema schema();

    /** The rows, in table order. */
    List<Object[]> rows();

    default int rowCount() {
        return rows().size();
    }

    default Object value(int row, int column) {
        return rows().get(row)[column];
    }

    static Table of(Schema schema, List<Object[]> rows) {
        return new RowTable(schema, rows);
    }
}
