package io.egress.store;

import io.egress.data.Schema;
import java.util.function.Predicate;

/**
 * A row test a store read applies while reading (filter pushdown): rows failing it cannot reach the
 * query's result, so they are left out of the tables. Rows are given in the layout of {@link #schema()};
 * only the columns the read plan names have values.
 */
public interface RowFilter {
    Schema schema();

    /** A test for one thread (tests may keep caches and are not thread-safe). */
    Predicate<Object[]> newTest();

    /**
     * Sets {@code keep[r]} for each row of the batch this filter keeps; rows already kept are not
     * tested. The default tests row by row with {@link #newTest()}; a filter may instead work column by
     * column (and once per distinct value of a dictionary column).
     */
    default void keep(FilterBatch batch, boolean[] keep) {
        Predicate<Object[]> test = newTest();
        Object[] row = new Object[schema().size()];
        for (int r = 0; r < batch.rows(); r++) {
            if (!keep[r]) {
                batch.fill(r, row);
                keep[r] = test.test(row);
            }
        }
    }

    /** Keeps a row when either filter keeps it (two queries over one read). */
    static RowFilter anyOf(RowFilter a, RowFilter b) {
        if (!a.schema().equals(b.schema())) {
            throw new IllegalArgumentException("filters over different row layouts");
        }
        return new RowFilter() {
            @Override
            public Schema schema() {
                return a.schema();
            }

            @Override
            public Predicate<Object[]> newTest() {
                return a.newTest().or(b.newTest());
            }

            @Override
            public void keep(FilterBatch batch, boolean[] keep) {
                a.keep(batch, keep);
                b.keep(batch, keep);
            }
        };
    }
}
