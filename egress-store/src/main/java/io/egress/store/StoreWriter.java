package io.egress.store;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import io.egress.store.format.SegmentFormat;
import io.egress.store.format.SegmentHeader;
import io.egress.store.format.SegmentWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Appends rows to a store: buffers them per table and partition, and writes a segment whenever a buffer
 * reaches {@code maxRowsPerSegment}, whenever all buffers together pass the memory budget (then the
 * largest buffer is written), and for every buffer at {@link #finish()}. Memory thus stays within the
 * budget (an estimate of the buffered rows' heap size) however much is added; rows whose times
 * interleave over many partitions give smaller segments rather than more memory. Segment names are
 * {@code <partition>_<ingest id>_<sequence>.egseg}; the ingest id (UTC time and a random suffix) keeps
 * concurrent or repeated ingests from ever colliding.
 */
public final class StoreWriter {
    public static final int DEFAULT_MAX_ROWS = 250_000;
    /**
     * The default budget of buffered rows: a quarter of the heap, between 8 MB and 512 MB. Writing a
     * segment needs at most about as much again for its largest column's block, and the reader holds a
     * few ranges of input besides. (A class histogram of a 1 GB-heap ingest of a Defender export showed
     * ~165 MB live with a 128 MB budget: the estimate is close, a little high.)
     */
    public static final long DEFAULT_BUDGET_BYTES =
            Math.max(8L << 20, Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4));
    private static final DateTimeFormatter INGEST_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Store store;
    private final int maxRows;
    private final String ingestId;
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final Map<String, Map<String, Buffer>> buffers = new LinkedHashMap<>();
    private final long budgetBytes;
    private long bufferedBytes;
    private long bufferedRows;
    private long peakBufferedBytes;
    private long peakBufferedRows;
    private final List<Written> written = new ArrayList<>();
    private int sequence;
    private long coerced;

    /** A segment this writer made. */
    public record Written(Path path, SegmentHeader header) {
    }

    /** The rows of one table and partition waiting for their segment, and their estimated heap size. */
    private static final class Buffer {
        final List<Object[]> rows = new ArrayList<>();
        long bytes;
    }

    public StoreWriter(Store store, int maxRowsPerSegment) {
        this(store, maxRowsPerSegment, DEFAULT_BUDGET_BYTES);
    }

    /** A writer that holds at most about {@code budgetBytes} of buffered rows (estimated heap size). */
    public StoreWriter(Store store, int maxRowsPerSegment, long budgetBytes) {
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("budgetBytes must be positive");
        }
        this.budgetBytes = budgetBytes;
        this.store = Objects.requireNonNull(store, "store");
        if (maxRowsPerSegment < 1) {
            throw new IllegalArgumentException("maxRowsPerSegment must be positive");
        }
        this.maxRows = maxRowsPerSegment;
        this.ingestId = newIngestId();
    }

    /** A new ingest id: the UTC time and a random 24-bit suffix, so that concurrent writers never collide. */
    static String newIngestId() {
        return INGEST_TIME.format(Instant.now()) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /** Adds rows of a table (values in the schema's types; other values are converted, or null when they cannot be). */
    public void add(String table, Schema schema, List<Object[]> rows) throws IOException {
        Schema known = schemas.putIfAbsent(table, schema);
        if (known != null && !known.equals(schema)) {
            flushTable(table);
            schemas.put(table, schema);
        }
        int time = timeColumn(schema);
        Map<String, Buffer> partitions = buffers.computeIfAbsent(table, t -> new LinkedHashMap<>());
        for (Object[] row : rows) {
            Object[] clean = coerce(schema, row);
            String key = store.partitioning().key(time >= 0 && clean[time] instanceof Instant t ? t : null);
            Buffer buffer = partitions.computeIfAbsent(key, k -> new Buffer());
            long size = estimate(clean);
            buffer.rows.add(clean);
            buffer.bytes += size;
            bufferedBytes += size;
            bufferedRows++;
            peakBufferedBytes = Math.max(peakBufferedBytes, bufferedBytes);
            peakBufferedRows = Math.max(peakBufferedRows, bufferedRows);
            if (buffer.rows.size() >= maxRows) {
                partitions.remove(key);
                write(table, key, buffer);
            }
            while (bufferedBytes > budgetBytes) {
                writeLargest();
            }
        }
    }

    /** The most rows this writer held at once, all buffers together. */
    public long peakBufferedRows() {
        return peakBufferedRows;
    }

    /** The largest estimated heap size of the rows this writer held at once. */
    public long peakBufferedBytes() {
        return peakBufferedBytes;
    }

    /** Rows buffered now (not yet in a segment). */
    public long bufferedRows() {
        return bufferedRows;
    }

    /** Segments written so far. */
    public List<Written> written() {
        return List.copyOf(written);
    }

    private void writeLargest() throws IOException {
        String table = null;
        String key = null;
        Buffer largest = null;
        for (Map.Entry<String, Map<String, Buffer>> t : buffers.entrySet()) {
            for (Map.Entry<String, Buffer> p : t.getValue().entrySet()) {
                if (largest == null || p.getValue().bytes > largest.bytes) {
                    table = t.getKey();
                    key = p.getKey();
                    largest = p.getValue();
                }
            }
        }
        if (largest == null) {
            return;
        }
        buffers.get(table).remove(key);
        write(table, key, largest);
    }

    /**
     * A rough, rather high estimate of a row's heap size (compressed references): the array, and each
     * value as if it were not shared with other rows.
     */
    static long estimate(Object[] row) {
        long bytes = 16L + 4L * row.length;
        for (Object v : row) {
            if (v == null || v instanceof Boolean) {
                continue;
            }
            if (v instanceof String s) {
                bytes += s.isEmpty() ? 0 : 48L + s.length();
            } else if (v instanceof Instant || v instanceof java.time.Duration || v instanceof java.util.UUID) {
                bytes += 24;
            } else if (v instanceof Number) {
                bytes += v instanceof BigDecimal ? 64 : 16;
            } else {
                bytes += 256; // dynamic (JSON) values
            }
        }
        return bytes;
    }

    /** Writes every buffered row and returns all segments written. */
    public List<Written> finish() throws IOException {
        for (String table : new ArrayList<>(buffers.keySet())) {
            flushTable(table);
        }
        return List.copyOf(written);
    }

    /** Values that did not have their column's type and were converted (or nulled). */
    public long coercedValues() {
        return coerced;
    }

    private void flushTable(String table) throws IOException {
        Map<String, Buffer> partitions = buffers.remove(table);
        if (partitions == null) {
            return;
        }
        for (Map.Entry<String, Buffer> e : partitions.entrySet()) {
            write(table, e.getKey(), e.getValue());
        }
    }

    private void write(String table, String partition, Buffer buffer) throws IOException {
        bufferedBytes -= buffer.bytes;
        bufferedRows -= buffer.rows.size();
        List<Object[]> rows = buffer.rows;
        Schema schema = schemas.get(table);
        Path dir = store.tableDirectory(table);
        Path target = dir.resolve(partition + "_" + ingestId + "_" + String.format("%05d", sequence++) + SegmentFormat.SUFFIX);
        int time = timeColumn(schema);
        SegmentHeader header = SegmentWriter.write(target, table, schema, rows, time < 0 ? null : schema.column(time).name());
        written.add(new Written(target, header));
    }

    /**
     * The column a table is partitioned by: {@code Timestamp}, else {@code TimeGenerated}, else the first
     * datetime column; -1 when none.
     */
    public static int timeColumn(Schema schema) {
        for (String name : List.of("Timestamp", "TimeGenerated")) {
            int i = schema.indexOf(name);
            if (i >= 0 && schema.column(i).type() == ScalarType.DATETIME) {
                return i;
            }
        }
        for (int i = 0; i < schema.size(); i++) {
            if (schema.column(i).type() == ScalarType.DATETIME) {
                return i;
            }
        }
        return -1;
    }

    private Object[] coerce(Schema schema, Object[] row) {
        if (row.length != schema.size()) {
            throw new IllegalArgumentException("row has " + row.length + " values, schema has " + schema.size());
        }
        Object[] out = row;
        for (int c = 0; c < row.length; c++) {
            ScalarType type = schema.column(c).type();
            Object v = row[c];
            Object fixed = v == null ? (type == ScalarType.STRING ? "" : null)
                    : type.javaClass().isInstance(v) ? v : convert(v, type);
            if (fixed != v) {
                if (out == row) {
                    out = row.clone();
                }
                out[c] = fixed;
            }
        }
        return out;
    }

    private Object convert(Object v, ScalarType type) {
        coerced++;
        if (v instanceof Number n) {
            switch (type) {
                case LONG:
                    return n.longValue();
                case INT:
                    return n.intValue();
                case REAL:
                    return n.doubleValue();
                case DECIMAL:
                    return new BigDecimal(n.toString());
                default:
                    break;
            }
        }
        try {
            return ValueConverter.fromText(ValueFormat.toKqlString(v), type);
        } catch (ValueConverter.BadValue e) {
            return ValueConverter.nullOf(type);
        }
    }
}
