package io.egress.store;

import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.ValueConverter;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A table held as columns, as a store read produces it. Columns that were not read (the query does not
 * use them) hold their type's null. Rows are assembled on access; each access returns a fresh array.
 */
public final class ColumnarTable implements Table {
    private final Schema schema;
    private final int rowCount;
    private final Object[][] columns;
    private final Object[] absent;
    private final List<Object[]> rows;

    /** @param columns one array of {@code rowCount} values per schema column, or null for a column not read */
    public ColumnarTable(Schema schema, int rowCount, Object[][] columns) {
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException(columns.length + " columns for a schema of " + schema.size());
        }
        this.schema = schema;
        this.rowCount = rowCount;
        this.columns = columns.clone();
        this.absent = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            absent[c] = ValueConverter.nullOf(schema.column(c).type());
            if (columns[c] != null && columns[c].length < rowCount) {
                throw new IllegalArgumentException("column " + schema.column(c).name() + " is short");
            }
        }
        this.rows = new Rows();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<Object[]> rows() {
        return rows;
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public Object value(int row, int column) {
        Object[] values = columns[column];
        return values == null ? absent[column] : values[row];
    }

    /** Whether a column was read. */
    public boolean hasColumn(int column) {
        return columns[column] != null;
    }

    private final class Rows extends AbstractList<Object[]> implements RandomAccess {
        @Override
        public Object[] get(int index) {
            if (index < 0 || index >= rowCount) {
                throw new IndexOutOfBoundsException(index);
            }
            Object[] row = new Object[columns.length];
            for (int c = 0; c < row.length; c++) {
                Object[] values = columns[c];
                row[c] = values == null ? absent[c] : values[index];
            }
            return row;
        }

        @Override
        public int size() {
            return rowCount;
        }
    }
}
