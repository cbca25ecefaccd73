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

    /** A dictionary of at least this many entries gets a term index (smaller ones are cheap to test entry by entry). */
    static final int TERM_INDEX_MIN_ENTRIES = 128;

    /** An encoded block (the sink's first {@code size()} bytes), its encoding, and how many rows are null. */
    record Encoded(ByteSink block, Encoding encoding, int nulls) {
    }

    /**
     * An int or long block is written as a dictionary (format version 3) when it has at most this many
     * distinct values (one-byte ids), or when its values repeat at least {@link #INTEGER_REPEATS} times on
     * average and there are at most {@link #MAX_INTEGER_DICTIONARY} (two-byte ids).
     */
    static final int SMALL_INTEGER_DICTIONARY = 254;
    static final int INTEGER_REPEATS = 4;
    static final int MAX_INTEGER_DICTIONARY = 0xFFFE;

    /**
     * Encodes a block for format {@code version}: 1, the type's own encoding; 2, dictionaries with
     * fixed-width ids and large string dictionaries with a term index (see {@link #writeDictionary}); 3,
     * also int and long blocks of few distinct values as dictionaries.
     */
    static Encoded encode(ScalarType type, List<Object[]> rows, int column, int version) {
        boolean v2 = version >= 2;
        int n = rows.size();
        int nulls = 0;
        for (Object[] row : rows) {
            if (row[column] == null) {
                nulls++;
            }
        }
        ByteSink out = new ByteSink(n * 2 + 16);
        Encoding encoding = Encoding.forType(type);
        if (version >= 3 && (type == ScalarType.INT || type == ScalarType.LONG)
                && fewDistinct(rows, column, n - nulls)) {
            encoding = Encoding.DICTIONARY_FIXED;
        }
        if (nulls == 0) {
            out.writeByte(NO_NULLS);
        } else if (nulls == n) {
            out.writeByte(ALL_NULL);
            return new Encoded(out, encoding, nulls);
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
        switch (encoding) {
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
            case DICTIONARY, DICTIONARY_FIXED, DICTIONARY_TERMS -> encoding = writeDictionary(type, rows, column, out, v2);
        }
        return new Encoded(out, encoding, nulls);
    }

    /**
     * Whether an int or long column's block is better as a dictionary: few distinct values (ports,
     * protocols, event ids, flags), so that one or two bytes per row replace a varint and a filter tests
     * each distinct value once ({@code RemotePort in (21, 25)}).
     */
    private static boolean fewDistinct(List<Object[]> rows, int column, int nonNull) {
        int limit = Math.max(SMALL_INTEGER_DICTIONARY, Math.min(MAX_INTEGER_DICTIONARY, nonNull / INTEGER_REPEATS));
        java.util.Set<Object> seen = new java.util.HashSet<>();
        Object last = null;
        for (Object[] row : rows) {
            Object v = row[column];
            if (v != null && !v.equals(last)) {
                last = v;
                if (seen.add(v) && seen.size() > limit) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Two passes, so that no copy of the texts is buffered besides {@code out}: the first gives each value
     * its id (in order of first use), the second writes the count, the texts, then the ids. Version 1
     * writes a varint id per non-null row ({@link Encoding#DICTIONARY}). Version 2 ({@code v2}) writes
     * fixed-width ids for every row, a null row holding the id one past the dictionary, so that a reader
     * can pick the rows it keeps without reading the others ({@link Encoding#DICTIONARY_FIXED}), followed
     * for large string dictionaries by a {@link TermIndex} ({@link Encoding#DICTIONARY_TERMS}). Returns
     * the encoding written.
     */
    private static Encoding writeDictionary(ScalarType type, List<Object[]> rows, int column, ByteSink out,
                                            boolean v2) {
        Map<Object, Integer> ids = new HashMap<>();
        List<String> texts = new java.util.ArrayList<>();
        int[] idOf = new int[rows.size()];
        long textBytes = 0;
        for (int r = 0; r < idOf.length; r++) {
            Object v = rows.get(r)[column];
            if (v == null) {
                idOf[r] = -1;
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
            idOf[r] = id;
        }
        ids = null;
        out.reserve(textBytes + 3L * idOf.length + 16);
        out.writeVarLong(texts.size());
        for (String text : texts) {
            out.writeString(text);
        }
        if (!v2) {
            for (int id : idOf) {
                if (id >= 0) {
                    out.writeVarLong(id);
                }
            }
            return Encoding.DICTIONARY;
        }
        int width = idWidth(texts.size());
        out.writeByte(width);
        for (int id : idOf) {
            out.writeFixedLE(id < 0 ? texts.size() : id, width);
        }
        if (type == ScalarType.STRING && texts.size() >= TERM_INDEX_MIN_ENTRIES) {
            TermIndex.write(texts, out);
            return Encoding.DICTIONARY_TERMS;
        }
        return Encoding.DICTIONARY_FIXED;
    }

    /** Bytes per fixed-width id for a dictionary of {@code size} entries (ids 0 to size, size meaning null). */
    static int idWidth(int size) {
        return size < 0xFF ? 1 : size < 0xFFFF ? 2 : size < 0xFFFFFF ? 3 : 4;
    }

    private static String text(ScalarType type, Object v) {
        return switch (type) {
            case DECIMAL -> ((BigDecimal) v).toString();
            case INT, LONG -> v.toString();
            default -> ((JsonNode) v).toString();
        };
    }

    /**
     * Decodes a block of {@code rows} values in {@code encoding} into {@code into[offset ..]}. Every
     * distinct string, dynamic or decimal value is made once and shared by its rows; strings of a
     * dictionary whose values repeat (at least 4 rows per entry on average) also go through {@code pool},
     * so they are one instance across segments. Only rows whose {@code keep} entry is true need their
     * value (others may be left null; {@code keep} null means every row): dictionary entries that no kept
     * row uses are never decoded. A dictionary block also fills {@code idsOut} (when not null) with each
     * row's id and its term index; a term index is checked only when {@code idsOut} asks for it.
     */
    public static void decode(ScalarType type, Encoding encoding, byte[] block, int rows, Object[] into, int offset,
                              StringPool pool, boolean[] keep, DictionaryIds idsOut) {
        int[] ids = idsOut == null ? null : idsOut.ids();
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
                if (idsOut != null && Encoding.forType(type) == Encoding.DICTIONARY) {
                    java.util.Arrays.fill(ids, 0, rows, 0);
                    idsOut.set(1, null, Dictionary.EMPTY, none);
                }
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
        switch (encoding) {
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
                    if (keep != null && !keep[i]) {
                        in.skipVarLong(); // a selective read walks every row, but decodes only what it keeps
                        continue;
                    }
                    long nanos = in.readVarLong();
                    if (nanos < 0 || nanos > 999_999_999L) {
                        throw new CorruptSegmentException.Unchecked("nanoseconds out of range: " + nanos);
                    }
                    into[offset + i] = type == ScalarType.DATETIME ? Instant.ofEpochSecond(previous, nanos)
                            : Duration.ofSeconds(previous, nanos);
                }
            }
            case DICTIONARY, DICTIONARY_FIXED, DICTIONARY_TERMS -> {
                Dictionary dictionary = Dictionary.read(in, type, nonNull, pool);
                int size = dictionary.size();
                if (encoding == Encoding.DICTIONARY) {
                    for (int i = 0; i < rows; i++) {
                        if (isNull != null && isNull[i]) {
                            into[offset + i] = nullValue;
                            if (ids != null) {
                                ids[i] = size;
                            }
                            continue;
                        }
                        int id = in.readCount(size - 1L);
                        if (ids != null) {
                            ids[i] = id;
                        }
                        if (keep == null || keep[i]) {
                            into[offset + i] = dictionary.kept(id);
                        }
                    }
                } else {
                    int width = in.readByte();
                    if (width != idWidth(size)) {
                        throw new CorruptSegmentException.Unchecked("id width " + width + " for " + size + " entries");
                    }
                    int at = in.skip(Math.multiplyExact(rows, width));
                    byte[] bytes = in.array();
                    for (int i = 0; i < rows; i++) {
                        if (ids == null && keep != null && !keep[i]) {
                            continue; // fixed width: the rows not kept are never read
                        }
                        if (isNull != null && isNull[i]) {
                            into[offset + i] = nullValue;
                            if (ids != null) {
                                ids[i] = size;
                            }
                            continue;
                        }
                        int id = readFixedLE(bytes, at + i * width, width);
                        if (id >= size) {
                            throw new CorruptSegmentException.Unchecked("dictionary id " + id + " out of range");
                        }
                        if (ids != null) {
                            ids[i] = id;
                        }
                        if (keep == null || keep[i]) {
                            into[offset + i] = dictionary.kept(id);
                        }
                    }
                }
                TermIndex terms = null;
                if (encoding == Encoding.DICTIONARY_TERMS) {
                    if (idsOut == null) {
                        return; // the index is checked when a filter reads it
                    }
                    terms = TermIndex.read(in, size);
                }
                if (idsOut != null) {
                    idsOut.set(isNull == null ? size : size + 1, terms, dictionary, nullValue);
                }
            }
        }
        if (in.remaining() != 0) {
            throw new CorruptSegmentException.Unchecked(in.remaining() + " trailing bytes after the values");
        }
    }

    private static int readFixedLE(byte[] b, int at, int width) {
        int v = 0;
        for (int k = 0; k < width; k++) {
            v |= (b[at + k] & 0xFF) << (8 * k);
        }
        return v;
    }

    /**
     * A block's dictionary: where each entry's UTF-8 text lies, made into a value the first time a row
     * needs it. The entries kept rows hold, in a string dictionary whose values repeat (at least 4 rows
     * per entry on average), go through the read's {@link StringPool}.
     */
    static final class Dictionary {
        static final Dictionary EMPTY = new Dictionary(ScalarType.STRING, new byte[0], new int[0], new int[0], null);

        private final ScalarType type;
        private final byte[] bytes;
        private final int[] at;
        private final int[] length;
        private final Object[] values;
        private final StringPool shared;
        private final boolean[] pooled;

        private Dictionary(ScalarType type, byte[] bytes, int[] at, int[] length, StringPool shared) {
            this.type = type;
            this.bytes = bytes;
            this.at = at;
            this.length = length;
            this.values = new Object[at.length];
            this.shared = type == ScalarType.STRING ? shared : null;
            this.pooled = this.shared == null ? null : new boolean[at.length];
        }

        static Dictionary read(ByteSource in, ScalarType type, int nonNull, StringPool pool) {
            int size = in.readCount(Math.max(nonNull, 0));
            int[] at = new int[size];
            int[] length = new int[size];
            for (int d = 0; d < size; d++) {
                length[d] = in.readCount(in.remaining());
                at[d] = in.skip(length[d]);
            }
            return new Dictionary(type, in.array(), at, length, (long) size * 4 <= nonNull ? pool : null);
        }

        int size() {
            return at.length;
        }

        /** The entry's value, for a test: made once, not pooled. */
        Object value(int id) {
            Object v = values[id];
            if (v == null) {
                v = ColumnCodec.value(type, new String(bytes, at[id], length[id], java.nio.charset.StandardCharsets.UTF_8));
                values[id] = v;
            }
            return v;
        }

        /**
         * The entry's value for a row that is kept: through the read's pool when the dictionary's values
         * repeat, so entries a filter tests but no kept row holds never cost a pool lookup.
         */
        Object kept(int id) {
            Object v = value(id);
            if (shared != null && !pooled[id]) {
                v = shared.intern((String) v);
                values[id] = v;
                pooled[id] = true;
            }
            return v;
        }
    }

    private static Object value(ScalarType type, String text) {
        switch (type) {
            case STRING:
                return text;
            case INT:
            case LONG:
                try {
                    return type == ScalarType.INT ? (Object) Integer.valueOf(text) : (Object) Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new CorruptSegmentException.Unchecked("bad " + type.kqlName() + " '" + text + "'");
                }
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
