package io.egress.data;

import java.util.List;
import java.util.Objects;

/** An in-memory, row-oriented {@link Table}. */
public record RowTable(Schema schema, List<Object[]> rows) implements Table {
    public RowTable {
        Objects.requireNonNull(schema, "schema");
        rows = List.copyOf(rows);
        for (Object[] row : rows) {
            if (row.length != schema.size()) {
                throw new IllegalArgumentException("row has " + row.length + " values, schema has " + schema.size());
            }
        }
    }
}
