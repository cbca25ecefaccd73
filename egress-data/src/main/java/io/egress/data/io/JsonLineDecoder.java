package io.egress.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes one JSON line (an Advanced Hunting row) into a reused row buffer in the layout of the
 * schema, converting the wanted columns (and checking the values of typed columns, to report what does
 * not fit) and skipping every other value without decoding it.
 * Reports the same problems as {@link AdvancedHuntingReader}. One per thread.
 */
final class JsonLineDecoder {
    /** Where problems go: the line (counted within the caller's range) and the reason. */
    interface Problems {
        void add(long line, String reason);
    }

    private final JsonFactory factory;
    private final Map<String, Integer> wanted = new HashMap<>();
    private final int[] wantedIndexes;
    private final int[] keepIndexes;
    private final Object[] nulls;
    private final ScalarType[] types;
    private final String[] names;
    private final Object[] row;
    private final boolean[] keep;
    private final FastJsonLine fast;
    private final String[] bad;
    /** Whether the fast path read the current row (so its deferred columns are still to be made). */
    private boolean fastRow;

    JsonLineDecoder(JsonFactory factory, Schema schema, Set<String> columns) {
        this(factory, schema, columns, Set.of());
    }

    /**
     * As above; the string columns in {@code deferred} (a subset of {@code columns} that the caller's
     * filter does not read) are left empty by {@link #decode} and made by {@link #materialize} for the
     * rows the caller keeps.
     */
    JsonLineDecoder(JsonFactory factory, Schema schema, Set<String> columns, Set<String> deferred) {
        this.factory = factory;
        int n = schema.size();
        this.types = new ScalarType[n];
        this.names = new String[n];
        this.nulls = new Object[n];
        this.row = new Object[n];
        this.keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            types[i] = schema.column(i).type();
            names[i] = schema.column(i).name();
            nulls[i] = ValueConverter.nullOf(types[i]);
            row[i] = nulls[i];
            keep[i] = columns.contains(names[i]);
            if (keep[i] || checked(types[i])) {
                wanted.put(names[i], i);
            }
        }
        this.fast = new FastJsonLine(schema, wanted.keySet(), columns, deferred);
        this.keepIndexes = java.util.stream.IntStream.range(0, n).filter(i -> keep[i]).toArray();
        this.bad = new String[n];
        this.wantedIndexes = wanted.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /**
     * The row buffer {@link #decode} fills: valid until the next call; columns not asked for hold nulls
     * (checked ones too: their values are validated, not kept).
     */
    Object[] row() {
        return row;
    }

    /** Fills the deferred columns of the row just decoded (its line must still be in the buffer). */
    void materialize() {
        if (fastRow) {
            fast.materialize(row);
        }
    }

    /** The schema indexes of the columns asked for, ascending. */
    int[] keepIndexes() {
        return keepIndexes;
    }

    /**
     * Whether a column is decoded even when not asked for, to report the values that do not fit it as
     * the reference reader does; strings and dynamics always fit, so only the other types are checked.
     */
    private static boolean checked(ScalarType type) {
        return type != ScalarType.STRING && type != ScalarType.DYNAMIC;
    }

    /**
     * Decodes {@code len} bytes at {@code off} (one line, not blank). Returns false when the line is
     * not a JSON object (reported); bad values are reported and read as null.
     */
    boolean decode(byte[] buf, int off, int len, long line, Problems problems) {
        reset();
        if (fast.decode(buf, off, len, row, bad) >= 0) {
            fastRow = true;
            report(line, problems);
            return true;
        }
        reset();
        fastRow = false; // Jackson fills every kept column
        try (JsonParser p = factory.createParser(buf, off, len)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                notAnObject(p, line, problems);
                return false;
            }
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken token = p.nextToken();
                Integer index = wanted.get(name);
                if (index == null) {
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                    continue;
                }
                int i = index;
                bad[i] = null;
                try {
                    Object value = value(p, token, types[i]);
                    if (keep[i]) {
                        row[i] = value;
                    }
                } catch (ValueConverter.BadValue e) {
                    row[i] = nulls[i];
                    bad[i] = "column " + names[i] + ": " + e.getMessage() + " (value set to null)";
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                // nextFieldName() returned null on something else than the end of the object
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + p.currentToken());
            }
            report(line, problems);
            return true;
        } catch (JsonProcessingException e) {
            problems.add(line, "not a JSON object: " + e.getOriginalMessage());
            return false;
        } catch (IOException e) {
            problems.add(line, "not a JSON object: " + e.getMessage());
            return false;
        }
    }

    /**
     * Decodes the line starting at {@code off} in one pass, without first looking for its end: when the
     * fast path reads its object and only blanks and a newline follow it before {@code limit}, returns
     * the index of that newline, the row and problems being those {@link #decode} gives for the line
     * (the object holds no newline: no JSON token takes one). Otherwise returns -1, reporting nothing;
     * the caller then finds the end of the line and calls {@link #decode}.
     */
    int decodeLine(byte[] buf, int off, int limit, long line, Problems problems) {
        reset();
        int p = fast.decode(buf, off, limit - off, row, bad);
        if (p < 0) {
            return -1;
        }
        p = FastJsonLine.skipBlanks(buf, p, limit);
        if (p >= limit || buf[p] != '\n') {
            return -1; // the buffer ends (the caller reads on), or something follows the object
        }
        fastRow = true;
        report(line, problems);
        return p;
    }

    private void reset() {
        for (int i : wantedIndexes) {
            row[i] = nulls[i];
            bad[i] = null;
        }
    }

    /** Value problems in schema order, as the reference reader lists them. */
    private void report(long line, Problems problems) {
        for (int i : wantedIndexes) {
            if (bad[i] != null) {
                problems.add(line, bad[i]);
            }
        }
    }

    private static void notAnObject(JsonParser p, long line, Problems problems) throws IOException {
        JsonNode node = ValueConverter.JSON.readTree(p);
        String kind = node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
        problems.add(line, "expected a JSON object but found " + kind);
    }

    private static Object value(JsonParser p, JsonToken token, ScalarType type) throws IOException,
            ValueConverter.BadValue {
        switch (token) {
            case VALUE_NULL:
                return ValueConverter.nullOf(type);
            case VALUE_STRING:
                if (type == ScalarType.STRING) {
                    return p.getText();
                }
                if (type == ScalarType.DATETIME) {
                    Instant fast = IsoInstants.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (fast != null) {
                        return fast;
                    }
                }
                return type == ScalarType.DYNAMIC ? ValueConverter.dynamicFromText(p.getText())
                        : ValueConverter.fromText(p.getText(), type);
            case VALUE_NUMBER_INT: {
                JsonParser.NumberType n = p.getNumberType();
                if (type == ScalarType.LONG && (n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG)) {
                    return p.getLongValue();
                }
                if (type == ScalarType.INT && n == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                break;
            }
            default:
                break;
        }
        return ValueConverter.fromJson(ValueConverter.JSON.readTree(p), type);
    }
}
