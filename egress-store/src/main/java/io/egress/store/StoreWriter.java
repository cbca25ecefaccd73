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
 * reaches {@code maxRowsPerSegment} and for every buffer at {@link #finish()}. Segment names are
 * {@code <partition>_<ingest id>_<sequence>.egseg}; the ingest id (UTC time and a random suffix) keeps
 * concurrent or repeated ingests from ever colliding.
 */
public final class StoreWriter {
    public static final int DEFAULT_MAX_ROWS = 250_000;
    private static final DateTimeFormatter INGEST_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

    private final Store store;
    private final int maxRows;
    private final String ingestId;
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Object[]>>> buffers = new LinkedHashMap<>();
    private final List<Written> written = new ArrayList<>();
    private int sequence;
    private long coerced;

    /** A segment this writer made. */
    public record Written(Path path, SegmentHeader header) {
    }

    public StoreWriter(Store store, int maxRowsPerSegment) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxRowsPerSegment < 1) {
            throw new IllegalArgumentException("maxRowsPerSegment must be positive");
        }
        this.maxRows = maxRowsPerSegment;
        this.ingestId = INGEST_TIME.format(Instant.now()) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }

    /** Adds rows of a table (values in the schema's types; other values are converted, or null when they cannot be). */
    public void add(String table, Schema schema, List<Object[]> rows) throws IOException {
        Schema known = schemas.putIfAbsent(table, schema);
        if (known != null && !known.equals(schema)) {
            flushTable(table);
            schemas.put(table, schema);
        }
        int time = timeColumn(schema);
        Map<String, List<Object[]>> partitions = buffers.computeIfAbsent(table, t -> new LinkedHashMap<>());
        for (Object[] row : rows) {
            Object[] clean = coerce(schema, row);
            String key = store.partitioning().key(time >= 0 && clean[time] instanceof Instant t ? t : null);
            List<Object[]> buffer = partitions.computeIfAbsent(key, k -> new ArrayList<>());
            buffer.add(clean);
            if (buffer.size() >= maxRows) {
                write(table, key, buffer);
                partitions.remove(key);
            }
        }
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
        Map<String, List<Object[]>> partitions = buffers.remove(table);
        if (partitions == null) {
            return;
        }
        for (Map.Entry<String, List<Object[]>> e : partitions.entrySet()) {
            write(table, e.getKey(), e.getValue());
        }
    }

    private void write(String table, String partition, List<Object[]> rows) throws IOException {
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
