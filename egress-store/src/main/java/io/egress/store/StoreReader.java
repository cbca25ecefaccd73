package io.egress.store;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import io.egress.store.format.CorruptSegmentException;
import io.egress.store.format.DictionaryIds;
import io.egress.store.format.SegmentHeader;
import io.egress.store.format.SegmentReader;
import io.egress.store.format.StringPool;
import io.egress.telemetry.TelemetryLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads tables from a store following a {@link ReadPlan}: only the planned tables and columns are
 * decoded, segments whose time range ends before the plan's bound are skipped on their header alone,
 * and segments are decoded in parallel on {@code threads} threads. A corrupt segment is reported and
 * left out; the others are read. Equal strings of a column share one instance across segments.
 */
public final class StoreReader {
    private static volatile Map<String, Schema> knownSchemas;

    private final int threads;

    public StoreReader(int threads) {
        this.threads = Math.max(1, threads);
    }

    /** The schema every read of {@code table} is given: the loader's schema when it knows the table, else the segment's. */
    static Schema knownSchema(String table) {
        Map<String, Schema> known = knownSchemas;
        if (known == null) {
            known = TelemetryLoader.schemas();
            knownSchemas = known;
        }
        return known.get(table);
    }

    /**
     * The schema of every table in the store, as reads give them: the loader's schema for the tables it
     * knows, else the first readable segment's.
     */
    public Map<String, Schema> schemas(Store store) throws IOException {
        Map<String, Schema> out = new LinkedHashMap<>();
        for (String table : store.tables()) {
            Schema known = knownSchema(table);
            if (known != null) {
                out.put(table, known);
                continue;
            }
            List<LiveSegments.Live> live = LiveSegments.list(store, table).live();
            if (!live.isEmpty()) {
                out.put(table, live.get(0).header().schema()); // corrupt ones are reported when read
            }
        }
        return out;
    }

    /** The newest time of any segment of the planned tables (headers only; corrupt segments ignored). */
    public Optional<Instant> latestTime(Store store, ReadPlan plan) throws IOException {
        Instant latest = null;
        for (String table : store.tables()) {
            if (plan.table(table).isEmpty()) {
                continue;
            }
            for (LiveSegments.Live segment : LiveSegments.list(store, table).live()) {
                Instant max = segment.header().maxTime();
                if (max != null && (latest == null || max.isAfter(latest))) {
                    latest = max;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    public StoreRead read(Store store, ReadPlan plan) throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<SegmentProblem> problems = new ArrayList<>();
        List<StoreRead.SegmentInfo> infos = new ArrayList<>();
        int skipped = 0;
        long bytes = 0;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "egress-store-read");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (String table : store.tables()) {
                Optional<ReadPlan.TableRead> want = plan.table(table);
                if (want.isEmpty()) {
                    continue;
                }
                Selection selection = select(store, table, want.get());
                if (selection == null) {
                    continue;
                }
                problems.addAll(selection.problems());
                skipped += selection.skipped();
                List<SegmentReader> open = selection.open();
                try {
                    Schema schema = knownSchema(table);
                    if (schema == null) {
                        schema = open.isEmpty() ? null : open.get(0).header().schema();
                    }
                    if (schema == null) {
                        continue;
                    }
                    boolean[] wanted = wanted(schema, want.get().columns());
                    List<Decoded> decoded = decodeAll(open, schema, wanted, want.get().filter().orElse(null), pool);
                    int total = 0;
                    for (Decoded d : decoded) {
                        if (d.problem != null) {
                            problems.add(d.problem);
                        } else {
                            total += d.kept;
                            bytes += d.bytes;
                            SegmentHeader h = d.reader.header();
                            infos.add(new StoreRead.SegmentInfo(d.reader.path().toString(), table, h.rowCount(),
                                    h.minTime(), h.maxTime()));
                        }
                    }
                    tables.put(table, concat(schema, wanted, decoded, total));
                } finally {
                    for (SegmentReader r : open) {
                        r.close();
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new StoreRead(tables, problems, infos, skipped, bytes);
    }

    /** The segments of a table a read opens, the problems met listing them, and how many the time bound skipped. */
    private record Selection(List<SegmentReader> open, List<SegmentProblem> problems, int skipped) {
    }

    /**
     * Lists a table's live segments and opens those the read needs (null: the table has no segment). A
     * segment deleted after the listing was replaced by a compaction the listing missed: list again.
     */
    private static Selection select(Store store, String table, ReadPlan.TableRead want) throws IOException {
        for (int attempt = 1; attempt <= LiveSegments.ATTEMPTS; attempt++) {
            LiveSegments live = LiveSegments.list(store, table);
            if (live.live().isEmpty() && live.problems().isEmpty()) {
                return null;
            }
            List<SegmentProblem> problems = new ArrayList<>(live.problems());
            List<SegmentReader> open = new ArrayList<>();
            int skipped = 0;
            boolean vanished = false;
            for (LiveSegments.Live segment : live.live()) {
                SegmentHeader header = segment.header();
                if (!header.table().equals(table)) {
                    problems.add(new SegmentProblem(segment.file().path(), "holds table " + header.table() + ", not " + table));
                } else if (before(header, want.after())) {
                    skipped++;
                } else {
                    try {
                        open.add(segment.reopen());
                    } catch (IOException e) {
                        if (!LiveSegments.isVanished(e)) {
                            closeAll(open);
                            throw e;
                        }
                        vanished = true;
                        break;
                    } catch (CorruptSegmentException e) {
                        problems.add(new SegmentProblem(segment.file().path(), e.getMessage()));
                    }
                }
            }
            if (!vanished) {
                return new Selection(open, problems, skipped);
            }
            closeAll(open);
        }
        throw LiveSegments.changing(table);
    }

    private static void closeAll(List<SegmentReader> readers) throws IOException {
        for (SegmentReader r : readers) {
            r.close();
        }
    }

    /** Whether every timed row of the segment is before {@code after} (so no row can pass the bound). */
    private static boolean before(SegmentHeader header, Optional<Instant> after) {
        return after.isPresent() && header.timeColumn().filter("Timestamp"::equals).isPresent()
                && header.hasTimeRange() && header.maxTime().isBefore(after.get())
                && header.schema().find("Timestamp").map(c -> c.type() == ScalarType.DATETIME).orElse(false);
    }

    private static boolean[] wanted(Schema schema, Optional<Set<String>> columns) {
        boolean[] out = new boolean[schema.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns.isEmpty() || columns.get().contains(schema.column(c).name());
        }
        return out;
    }

    /** One segment's decoded columns, or the reason it could not be read. */
    private static final class Decoded {
        final SegmentReader reader;
        final int rows;
        int kept;
        Object[][] columns;
        /** Dictionary ids and term indexes of the string columns the filter reads (by schema index). */
        DictionaryIds[] dictionaries;
        long bytes;
        SegmentProblem problem;

        Decoded(SegmentReader reader) {
            this.reader = reader;
            this.rows = reader.header().rowCount();
            this.kept = rows;
        }
    }

    private static List<Decoded> decodeAll(List<SegmentReader> readers, Schema schema, boolean[] wanted,
                                           RowFilter filter, ExecutorService pool) throws IOException {
        StringPool strings = new StringPool();
        List<Decoded> out = new ArrayList<>();
        if (pool == null || readers.size() < 2) {
            for (SegmentReader r : readers) {
                out.add(decode(r, schema, wanted, filter, strings));
            }
            return out;
        }
        List<Future<Decoded>> futures = new ArrayList<>();
        for (SegmentReader r : readers) {
            futures.add(pool.submit(() -> decode(r, schema, wanted, filter, strings)));
        }
        for (Future<Decoded> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the store", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getCause());
            }
        }
        return out;
    }

    private static Decoded decode(SegmentReader reader, Schema schema, boolean[] wanted, RowFilter filter,
                                  StringPool strings) {
        Decoded d = new Decoded(reader);
        d.columns = new Object[schema.size()][];
        d.dictionaries = new DictionaryIds[schema.size()];
        try {
            // the filter decodes the columns it reads as it needs them; then the others, for the kept rows only
            boolean[] keep = filter == null ? null : test(d, schema, wanted, filter, strings);
            materialize(d, keep);
            d.dictionaries = null;
            for (int c = 0; c < wanted.length; c++) {
                if (wanted[c] && d.columns[c] == null) {
                    d.columns[c] = column(d, schema, c, strings, keep, false);
                }
            }
            if (keep != null) {
                compact(d, keep);
            }
        } catch (CorruptSegmentException e) {
            d.problem = new SegmentProblem(reader.path(), e.getMessage());
            d.columns = null;
        } catch (UncheckedCorruption e) {
            d.problem = new SegmentProblem(reader.path(), e.getCause().getMessage());
            d.columns = null;
        } catch (IOException e) {
            d.problem = new SegmentProblem(reader.path(), "cannot read: " + e.getMessage());
            d.columns = null;
        } catch (UncheckedIOException e) {
            d.problem = new SegmentProblem(reader.path(), "cannot read: " + e.getCause().getMessage());
            d.columns = null;
        }
        return d;
    }

    /** Carries a corrupt column out of a {@link FilterBatch.Loader}. */
    private static final class UncheckedCorruption extends RuntimeException {
        UncheckedCorruption(CorruptSegmentException cause) {
            super(cause);
        }
    }

    /** Decodes column {@code c}; with {@code withIds}, a dictionary column also records its dictionary ids in {@code d}. */
    private static Object[] column(Decoded d, Schema schema, int c, StringPool strings, boolean[] keep,
                                   boolean withIds) throws IOException, CorruptSegmentException {
        SegmentHeader header = d.reader.header();
        Column column = schema.column(c);
        int source = header.schema().indexOf(column.name());
        Object[] values = new Object[d.rows];
        if (source < 0) {
            java.util.Arrays.fill(values, ValueConverter.nullOf(column.type()));
            return values;
        }
        boolean sameType = header.schema().column(source).type() == column.type();
        // a dictionary column the filter reads gets ids only; its values are made for the rows the filter keeps
        DictionaryIds ids = withIds && sameType && mayBeDictionary(column.type()) ? new DictionaryIds(d.rows) : null;
        d.reader.readColumn(source, values, 0, strings, ids != null ? new boolean[d.rows] : keep, ids);
        if (ids != null && ids.count() >= 0) {
            d.dictionaries[c] = ids; // (an int block in its varint layout has no ids and all its values)
        }
        d.bytes += header.blocks().get(source).storedLength();
        if (!sameType) {
            for (int r = 0; r < values.length; r++) {
                values[r] = convert(values[r], column.type());
            }
        }
        return values;
    }

    private static boolean mayBeDictionary(ScalarType type) {
        return type == ScalarType.STRING || type == ScalarType.INT || type == ScalarType.LONG;
    }

    /** The rows {@code filter} keeps, or null when it keeps them all. */
    private static boolean[] test(Decoded d, Schema schema, boolean[] wanted, RowFilter filter, StringPool strings) {
        Schema layout = filter.schema();
        SegmentHeader header = d.reader.header();
        Object[] nulls = new Object[layout.size()];
        int[] from = new int[layout.size()];
        FilterBatch.Range[] ranges = new FilterBatch.Range[layout.size()];
        for (int i = 0; i < nulls.length; i++) {
            Column column = layout.column(i);
            int c = schema.indexOf(column.name());
            nulls[i] = ValueConverter.nullOf(column.type());
            from[i] = c >= 0 && wanted[c] && schema.column(c).type() == column.type() ? c : -1;
            ranges[i] = from[i] < 0 ? null : range(header, column);
        }
        FilterBatch.Loader loader = i -> {
            int c = from[i];
            if (c < 0) {
                return new FilterBatch.Loaded(null, null);
            }
            if (d.columns[c] == null) {
                try {
                    d.columns[c] = column(d, schema, c, strings, null, true);
                } catch (CorruptSegmentException e) {
                    throw new UncheckedCorruption(e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new FilterBatch.Loaded(d.columns[c], d.dictionaries[c]);
        };
        boolean[] keep = new boolean[d.rows];
        filter.keep(new FilterBatch(d.rows, nulls, loader, ranges), keep);
        for (boolean k : keep) {
            if (!k) {
                return keep;
            }
        }
        return null;
    }

    /** The header's range of the segment's time column when it is {@code column} and has no null value. */
    private static FilterBatch.Range range(SegmentHeader header, Column column) {
        if (column.type() != ScalarType.DATETIME || !header.hasTimeRange()
                || !header.timeColumn().filter(column.name()::equals).isPresent()) {
            return null;
        }
        int source = header.schema().indexOf(column.name());
        if (source < 0 || header.schema().column(source).type() != ScalarType.DATETIME
                || header.blocks().get(source).nullCount() != 0) {
            return null;
        }
        return new FilterBatch.Range(header.minTime(), header.maxTime());
    }

    /** Fills the values of the columns decoded as ids only, for the kept rows ({@code keep} null: all). */
    private static void materialize(Decoded d, boolean[] keep) {
        for (int c = 0; c < d.columns.length; c++) {
            DictionaryIds dictionary = d.dictionaries[c];
            if (dictionary == null) {
                continue;
            }
            Object[] values = d.columns[c];
            int[] ids = dictionary.ids();
            for (int r = 0; r < d.rows; r++) {
                if (keep == null || keep[r]) {
                    values[r] = dictionary.keptValue(ids[r]);
                }
            }
        }
    }

    private static void compact(Decoded d, boolean[] keep) {
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        int[] rows = new int[kept];
        for (int r = 0, k = 0; r < keep.length; r++) {
            if (keep[r]) {
                rows[k++] = r;
            }
        }
        for (int c = 0; c < d.columns.length; c++) {
            Object[] all = d.columns[c];
            if (all == null) {
                continue;
            }
            Object[] some = new Object[kept];
            for (int k = 0; k < kept; k++) {
                some[k] = all[rows[k]];
            }
            d.columns[c] = some;
        }
        d.kept = kept;
    }

    private static Object convert(Object value, ScalarType type) {
        if (value == null) {
            return ValueConverter.nullOf(type);
        }
        if (type == ScalarType.LONG && value instanceof Integer i) {
            return i.longValue();
        }
        if (type == ScalarType.REAL && value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return ValueConverter.fromText(ValueFormat.toKqlString(value), type);
        } catch (ValueConverter.BadValue e) {
            return ValueConverter.nullOf(type);
        }
    }

    private static Table concat(Schema schema, boolean[] wanted, List<Decoded> decoded, int total) {
        Object[][] columns = new Object[schema.size()][];
        List<Decoded> good = decoded.stream().filter(d -> d.problem == null).toList();
        if (good.size() == 1) {
            return new ColumnarTable(schema, total, good.get(0).columns);
        }
        for (int c = 0; c < columns.length; c++) {
            if (!wanted[c]) {
                continue;
            }
            Object[] all = new Object[total];
            int at = 0;
            for (Decoded d : good) {
                System.arraycopy(d.columns[c], 0, all, at, d.kept);
                at += d.kept;
            }
            columns[c] = all;
        }
        return new ColumnarTable(schema, total, columns);
    }
}
