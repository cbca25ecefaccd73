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
        };
    }
}
