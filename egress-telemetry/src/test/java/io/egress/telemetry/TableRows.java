package io.egress.telemetry;

import io.egress.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers to read table cells by column name. */
final class TableRows {
    private TableRows() {
    }

    static Object get(Table table, int row, String column) {
        int index = table.schema().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + table.schema().names());
        }
        return table.value(row, index);
    }

    /** Indexes of the rows whose column equals the value. */
    static List<Integer> where(Table table, String column, Object value) {
        return where(table, row -> value.equals(get(table, row, column)));
    }

    static List<Integer> where(Table table, Predicate<Integer> predicate) {
        List<Integer> out = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (predicate.test(row)) {
                out.add(row);
            }
        }
        return out;
    }
}
