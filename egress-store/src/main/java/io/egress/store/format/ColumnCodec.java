package io.egress.store.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.data.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Encodes one column's values into an uncompressed block and back (docs/store.md, "Column blocks"). A
 * block is a null section (mode byte, then a null bitmap when some values are null) followed by the
 * non-null values in the column's {@link Encoding}. Values must already have the column type's Java class.
 */
public final class ColumnCodec {
    static final int NO_NULLS = 0;
    static final int SOME_NULLS = 1;
    static final int ALL_NULL = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ColumnCodec() {
    }

    /** The uncompressed block of column {@code column} of {@code rows}. */
    public static byte[] encode(ScalarType type, List<Object[]> rows, int column) {
        return encodeToSink(type, rows, column).toByteArray();
    }

    /** As {@link #encode}, without the final copy: the block is the sink's first {@code size()} bytes. */
    static ByteSink encodeToSink(ScalarType type, List<Object[]> rows, int column) {
        int n = rows.size();
        int nulls = 0;
        for (Object[] row : rows) {
            if (row[column] == null) {
                nulls++;
            }
        }
        ByteSink out = new ByteSink(n * 2 + 16);
        if (nulls == 0) {
            out.writeByte(NO_NULLS);
        } else if (nulls == n) {
            out.writeByte(ALL_NULL);
            return out;
        } else {
            out.writeByte(SOME_NULLS);
            byte[] bitmap = new byte[(n + 7) / 8];
            for (int i = 0; i < n; i++) {
                if (rows.get(i)[column] == null) {
                    bitmap[i >> 3] |= (byte) (1 << (i & 7));
                }
            }
            out.writeBytes(bitmap, 0, bitmap.length);
        }
        switch (Encoding.forType(type)) {
            case BITS -> {
                byte[] bits = new byte[(n - nulls + 7) / 8];
                int k = 0;
                for (Object[] row : rows) {
                    if (row[column] != null) {
                        if ((Boolean) row[column]) {
                            bits[k >> 3] |= (byte) (1 << (k & 7));
                        }
                        k++;
                    }
                }
                out.writeBytes(bits, 0, bits.length);
            }
            case ZIGZAG_VARINT -> rows.forEach(row -> {
                if (row[column] != null) {
                    out.writeZigZag((Integer) row[column]);
                }
            });
            case DELTA_VARINT -> {
                long previous = 0;
                for (Object[] row : rows) {
                    if (row[column] != null) {
                        long v = (Long) row[column];
                        out.writeZigZag(v - previous);
                        previous = v;
                    }
                }
            }
            case FIXED8 -> rows.forEach(row -> {
                if (row[column] != null) {
                    out.writeLongLE(Double.doubleToRawLongBits((Double) row[column]));
                }
            });
            case FIXED16 -> rows.forEach(row -> {
                if (row[column] != null) {
                    UUID u = (UUID) row[column];
                    out.writeLongLE(u.getMostSignificantBits());
                    out.writeLongLE(u.getLeastSignificantBits());
                }
            });
            case SECONDS_NANOS -> {
                long previous = 0;
                for (Object[] row : rows) {
                    Object v = row[column];
                    if (v != null) {
                        long seconds = v instanceof Instant i ? i.getEpochSecond() : ((Duration) v).getSeconds();
                        int nanos = v instanceof Instant i ? i.getNano() : ((Duration) v).getNano();
                        out.writeZigZag(seconds - previous);
                        out.writeVarLong(nanos);
                        previous = seconds;
                    }
                }
            }
            case DICTIONARY -> writeDictionary(type, rows, column, out);
        }
        return out;
    }

    /**
     * Two passes, so that no copy of the texts or the ids is buffered besides {@code out}: the first gives
     * each value its id (in order of first use), the second writes the count, the texts, then the ids.
     */
    private static void writeDictionary(ScalarType type, List<Object[]> rows, int column, ByteSink out) {
        Map<Object, Integer> ids = new HashMap<>();
        List<String> texts = new java.util.ArrayList<>();
        int[] idOf = new int[rows.size()];
        int k = 0;
        long textBytes = 0;
        for (Object[] row : rows) {
            Object v = row[column];
            if (v == null) {
                continue;
            }
            Object key = type == ScalarType.STRING ? v : text(type, v);
            Integer id = ids.get(key);
            if (id == null) {
                id = texts.size();
                ids.put(key, id);
                texts.add((String) key);
                textBytes += ((String) key).length() + 2;
            }
            idOf[k++] = id;
        }
        ids = null;
        out.reserve(textBytes + 3L * k + 16);
        out.writeVarLong(texts.size());
        for (String text : texts) {
            out.writeString(text);
        }
        for (int i = 0; i < k; i++) {
            out.writeVarLong(idOf[i]);
        }
    }

    private static String text(ScalarType type, Object v) {
        return type == ScalarType.DECIMAL ? ((BigDecimal) v).toString() : ((JsonNode) v).toString();
    }

    /**
     * Decodes a block of {@code rows} values into {@code into[offset ..]}. Every distinct string, dynamic
     * or decimal value is made once and shared by its rows; strings of a dictionary whose values repeat
     * (at least 4 rows per entry on average) also go through {@code pool}, so they are one instance across
     * segments.
     */
    public static void decode(ScalarType type, byte[] block, int rows, Object[] into, int offset, StringPool pool) {
        decode(type, block, rows, into, offset, pool, null);
    }

    /**
     * As {@link #decode(ScalarType, byte[], int, Object[], int, StringPool)}, but only rows whose
     * {@code keep} entry is true need their value (others may be left null): dictionary entries that no
     * kept row uses are never decoded. {@code keep} null means every row.
     */
    public static void decode(ScalarType type, byte[] block, int rows, Object[] into, int offset, StringPool pool,
                              boolean[] keep) {
        ByteSource in = new ByteSource(block);
        int mode = in.readByte();
        boolean[] isNull = null;
        int nonNull = rows;
        switch (mode) {
            case NO_NULLS -> { }
            case ALL_NULL -> {
                if (in.remaining() != 0) {
                    throw new CorruptSegmentException.Unchecked("all-null block has trailing bytes");
                }
                Object none = type == ScalarType.STRING ? "" : null;
                java.util.Arrays.fill(into, offset, offset + rows, none);
                return;
            }
            case SOME_NULLS -> {
                int at = in.skip((rows + 7) / 8);
                isNull = new boolean[rows];
                byte[] a = in.array();
                for (int i = 0; i < rows; i++) {
                    isNull[i] = (a[at + (i >> 3)] & (1 << (i & 7))) != 0;
                    if (isNull[i]) {
                        nonNull--;
                    }
                }
            }
            default -> throw new CorruptSegmentException.Unchecked("unknown null mode " + mode);
        }
        Object nullValue = type == ScalarType.STRING ? "" : null;
        switch (Encoding.forType(type)) {
            case BITS -> {
                int at = in.skip((nonNull + 7) / 8);
                byte[] a = in.array();
                int k = 0;
                for (int i = 0; i < rows; i++) {
                    if (isNull != null && isNull[i]) {
                        into[offset + i] = null;
                    } else {
                        into[offset + i] = (a[at + (k >> 3)] & (1 << (k & 7))) != 0 ? Boolean.TRUE : Boolean.FALSE;
                        k++;
                    }
                }
            }
            case ZIGZAG_VARINT -> {
                for (int i = 0; i < rows; i++) {
                    into[offset + i] = isNull != null && isNull[i] ? null : Integer.valueOf((int) in.readZigZag());
                }
            }
            case DELTA_VARINT -> {
                long previous = 0;
                for (int i = 0; i < rows; i++) {
                    if (isNull != null && isNull[i]) {
                        into[offset + i] = null;
                    } else {
                        previous += in.readZigZag();
                        into[offset + i] = previous;
                    }
                }
            }
            case FIXED8 -> {
                for (int i = 0; i < rows; i++) {
                    into[offset + i] = isNull != null && isNull[i] ? null : Double.longBitsToDouble(in.readLongLE());
                }
            }
            case FIXED16 -> {
                for (int i = 0; i < rows; i++) {
                    into[offset + i] = isNull != null && isNull[i] ? null : new UUID(in.readLongLE(), in.readLongLE());
                }
            }
            case SECONDS_NANOS -> {
                long previous = 0;
                for (int i = 0; i < rows; i++) {
                    if (isNull != null && isNull[i]) {
                        into[offset + i] = null;
                        continue;
                    }
                    previous += in.readZigZag();
                    long nanos = in.readVarLong();
                    if (nanos < 0 || nanos > 999_999_999L) {
                        throw new CorruptSegmentException.Unchecked("nanoseconds out of range: " + nanos);
                    }
                    into[offset + i] = type == ScalarType.DATETIME ? Instant.ofEpochSecond(previous, nanos)
                            : Duration.ofSeconds(previous, nanos);
                }
            }
            case DICTIONARY -> {
                int size = in.readCount(Math.max(nonNull, 0));
                int[] at = new int[size];
                int[] length = new int[size];
                for (int d = 0; d < size; d++) {
                    length[d] = in.readCount(in.remaining());
                    at[d] = in.skip(length[d]);
                }
                Object[] dictionary = new Object[size];
                StringPool shared = (long) size * 4 <= nonNull ? pool : null;
                byte[] bytes = in.array();
                for (int i = 0; i < rows; i++) {
                    if (isNull != null && isNull[i]) {
                        into[offset + i] = nullValue;
                        continue;
                    }
                    int id = in.readCount(size - 1L);
                    if (keep != null && !keep[i]) {
                        continue;
                    }
                    Object v = dictionary[id];
                    if (v == null) {
                        v = value(type, new String(bytes, at[id], length[id], java.nio.charset.StandardCharsets.UTF_8), shared);
                        dictionary[id] = v;
                    }
                    into[offset + i] = v;
                }
            }
        }
        if (in.remaining() != 0) {
            throw new CorruptSegmentException.Unchecked(in.remaining() + " trailing bytes after the values");
        }
    }

    private static Object value(ScalarType type, String text, StringPool pool) {
        switch (type) {
            case STRING:
                return pool == null ? text : pool.intern(text);
            case DECIMAL:
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new CorruptSegmentException.Unchecked("bad decimal '" + text + "'");
                }
            default:
                try {
                    return JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw new CorruptSegmentException.Unchecked("bad dynamic JSON text");
                }
        }
    }
}
