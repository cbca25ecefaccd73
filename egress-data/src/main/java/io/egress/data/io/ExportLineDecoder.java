package io.egress.data.io;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The byte-level fast path for loaders that keep whole rows of an export in JSON lines (detect, ingest):
 * decodes a line into every column of one table's schema without building a JSON tree, or declines,
 * and the caller then reads the line its general way. It accepts a line only when the result cannot
 * differ from that general reading: the line has the same keys in the same order as the line it was
 * primed with (so it belongs to the same table), and every value is a JSON string, integer, boolean or
 * null that goes into its column as is. Strings are left for the caller's own normalization (dynamic
 * columns as text too); datetimes are taken only in the export's UTC form. Not thread-safe; a returned
 * row is the caller's.
 */
public final class ExportLineDecoder {
    private static final Set<ScalarType> TYPES = EnumSet.of(ScalarType.STRING, ScalarType.DYNAMIC, ScalarType.LONG,
            ScalarType.INT, ScalarType.BOOL, ScalarType.DATETIME, ScalarType.REAL);

    private final FastJsonLine fast;
    private final Object[] nulls;
    private final String[] bad;
    /** Keys of the line the decoder was primed with; -1 before a successful prime. */
    private int layoutKeys = -1;

    private ExportLineDecoder(Schema schema) {
        Set<String> all = new HashSet<>(schema.names());
        this.fast = new FastJsonLine(schema, all, all, Set.of(), true);
        this.nulls = new Object[schema.size()];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = ValueConverter.nullOf(schema.column(i).type());
        }
        this.bad = new String[schema.size()];
    }

    /** A decoder for {@code schema}, or null when a column type has no exact fast reading. */
    public static ExportLineDecoder of(Schema schema) {
        for (int i = 0; i < schema.size(); i++) {
            if (!TYPES.contains(schema.column(i).type())) {
                return null;
            }
        }
        return new ExportLineDecoder(schema);
    }

    /**
     * Makes the keys of the line {@code b[off, off+len)} the layout later lines must have. Returns the
     * row when the fast path reads the line exactly (as {@link #decode}), else null, and then no line is
     * accepted until the next successful prime.
     */
    public Object[] prime(byte[] b, int off, int len) {
        layoutKeys = -1;
        Object[] row = read(b, off, len);
        if (row != null) {
            layoutKeys = fast.keyCount();
        }
        return row;
    }

    /**
     * The row of the line {@code b[off, off+len)} (one line, no newline) in the schema's layout, or null
     * when the caller must read it the general way: another key layout, a value to convert, anything but
     * one flat JSON object and blanks.
     */
    public Object[] decode(byte[] b, int off, int len) {
        if (layoutKeys < 0) {
            return null;
        }
        Object[] row = read(b, off, len);
        if (fast.unpredictedKeys() != 0) {
            // a key the layout does not have: the predictions now follow this line, so only a new prime
            // may set the layout again
            layoutKeys = -1;
            return null;
        }
        // (declined for a value, the keys read so far matched and the predictions are unchanged)
        return row != null && fast.keyCount() == layoutKeys ? row : null;
    }

    /** Whether a layout is set ({@link #prime} succeeded and no line with other keys came since). */
    public boolean primed() {
        return layoutKeys >= 0;
    }

    private Object[] read(byte[] b, int off, int len) {
        Object[] row = nulls.clone();
        int end = off + len;
        int p = fast.decode(b, off, len, row, bad); // exact mode declines bad values: bad stays empty
        return p >= 0 && FastJsonLine.skipBlanks(b, p, end) == end ? row : null; // else something follows
    }
}
