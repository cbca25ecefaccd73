package io.egress.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to read from a store: per table, the columns (empty = every column) and a time lower bound
 * (segments whose time column never reaches it are skipped). A table absent from a plan that is not
 * {@link #all()} is not read at all.
 */
public record ReadPlan(boolean everything, Map<String, TableRead> tables) {
    public ReadPlan {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * How to read one table. {@code after}: rows can only matter when their time is at or after it;
     * {@code filter}: rows it rejects cannot matter.
     */
    public record TableRead(Optional<Set<String>> columns, Optional<Instant> after, Optional<RowFilter> filter) {
        public TableRead {
            columns = columns.map(c -> Collections.unmodifiableSet(new LinkedHashSet<>(c)));
        }

        public TableRead(Optional<Set<String>> columns, Optional<Instant> after) {
            this(columns, after, Optional.empty());
        }

        public static TableRead whole() {
            return new TableRead(Optional.empty(), Optional.empty());
        }

        /** The read that serves both: the union of the columns, the earlier bound (none if either has none). */
        public TableRead merge(TableRead other) {
            Optional<Set<String>> cols = columns.isPresent() && other.columns.isPresent()
                    ? Optional.of(union(columns.get(), other.columns.get())) : Optional.empty();
            Optional<Instant> bound = after.isPresent() && other.after.isPresent()
                    ? Optional.of(after.get().isBefore(other.after.get()) ? after.get() : other.after.get())
                    : Optional.empty();
            Optional<RowFilter> both = filter.isPresent() && other.filter.isPresent()
                    && filter.get().schema().equals(other.filter.get().schema())
                    ? Optional.of(RowFilter.anyOf(filter.get(), other.filter.get())) : Optional.empty();
            return new TableRead(cols, bound, both);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }
    }

    /** Every column of every table, no time bound. */
    public static ReadPlan all() {
        return new ReadPlan(true, Map.of());
    }

    public static ReadPlan of(Map<String, TableRead> tables) {
        return new ReadPlan(false, tables);
    }

    /** How to read {@code table}, or empty when it is not needed. */
    public Optional<TableRead> table(String table) {
        return everything ? Optional.of(TableRead.whole()) : Optional.ofNullable(tables.get(table));
    }

    /** The plan that serves both plans. */
    public ReadPlan merge(ReadPlan other) {
        if (everything || other.everything) {
            return all();
        }
        Map<String, TableRead> out = new LinkedHashMap<>(tables);
        other.tables.forEach((name, read) -> out.merge(name, read, TableRead::merge));
        return of(out);
    }
}
