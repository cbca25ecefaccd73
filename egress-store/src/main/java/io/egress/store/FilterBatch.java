package io.egress.store;

import io.egress.store.format.DictionaryIds;
import io.egress.store.format.TermIndex;
import java.time.Instant;

/**
 * One segment's rows as a {@link RowFilter} sees them, column by column in the filter's row layout.
 * Columns are decoded on first use (a filter that rules every row out on one column never decodes the
 * others). A dictionary-encoded column (string; int and long of few distinct values) gives each row's
 * dictionary id, its values are made from the dictionary when first asked for, and its term index; so a
 * predicate over one such column can be evaluated once per distinct value, and only for the values the
 * index leaves possible. A datetime column without nulls whose range the segment header records gives
 * that range, so a comparison with a constant can be decided for the whole segment.
 */
public final class FilterBatch {
    /** Decodes one layout column of the segment. */
    public interface Loader {
        Loaded load(int column);
    }

    /**
     * A decoded column: {@code values} null when the segment has no such column (it reads as the type's
     * null); {@code dictionary} non-null for dictionary columns, whose values are then made on
     * demand.
     */
    public record Loaded(Object[] values, DictionaryIds dictionary) {
    }

    /** The range of a column's values, every row being non-null. */
    public record Range(Instant min, Instant max) {
    }

    private final int rows;
    private final Object[] nulls;
    private final Loader loader;
    private final Range[] ranges;
    private final Loaded[] loaded;

    /**
     * @param nulls  per layout column, the value a missing column reads as
     * @param ranges per layout column, its range when known, else null
     */
    public FilterBatch(int rows, Object[] nulls, Loader loader, Range[] ranges) {
        this.rows = rows;
        this.nulls = nulls;
        this.loader = loader;
        this.ranges = ranges;
        this.loaded = new Loaded[nulls.length];
    }

    public int rows() {
        return rows;
    }

    private Loaded column(int column) {
        Loaded l = loaded[column];
        if (l == null) {
            l = loader.load(column);
            loaded[column] = l;
        }
        return l;
    }

    /** The value of layout column {@code column} in row {@code row}. */
    public Object value(int column, int row) {
        Loaded l = column(column);
        if (l.values() == null) {
            return nulls[column];
        }
        DictionaryIds dictionary = l.dictionary();
        return dictionary == null ? l.values()[row] : dictionary.value(dictionary.ids()[row]);
    }

    /** Copies row {@code row} into {@code into} (layout order), columns the segment lacks as their null. */
    public void fill(int row, Object[] into) {
        for (int c = 0; c < nulls.length; c++) {
            into[c] = value(c, row);
        }
    }

    /** The dictionary ids of a dictionary column's rows, or null when the column has none. */
    public int[] ids(int column) {
        Loaded l = column(column);
        return l.values() == null || l.dictionary() == null ? null : l.dictionary().ids();
    }

    /** How many distinct ids {@link #ids} uses (ids are {@code 0 .. idCount-1}). */
    public int idCount(int column) {
        return column(column).dictionary().count();
    }

    /** The column's term index (over the same ids), or null. */
    public TermIndex terms(int column) {
        Loaded l = column(column);
        return l.values() == null || l.dictionary() == null ? null : l.dictionary().terms();
    }

    /** The range of a column with no null value, when the segment records it (without decoding); else null. */
    public Range range(int column) {
        return ranges[column];
    }
}
