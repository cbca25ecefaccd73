package io.egress.data.io;

import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * The fast path of {@link JsonLineDecoder}: a byte-level scanner for one flat JSON object per line that
 * matches keys against the wanted columns without making strings, skips (and validates) every other
 * value, and decodes the wanted strings, integers, booleans and datetimes. It accepts only what it is
 * sure Jackson accepts the same way (strict JSON, valid UTF-8, plain integers); anything else, rare in
 * exports, returns false and the caller decodes the line with Jackson, which then reports any problem.
 */
final class FastJsonLine {
    private static final int MAX_DEPTH = 200;
    /** Keys past this position in a line are not predicted (exports have a few dozen columns). */
    private static final int MAX_PREDICTED = 1024;
    /** A string of ASCII characters without escapes. */
    private static final int PLAIN = 0;
    /** A string of ASCII characters with one-letter escapes (Windows paths). */
    private static final int ASCII_ESCAPED = 1;
    /** A string with multi-byte characters or hexadecimal escapes. */
    private static final int OTHER = 2;

    private final int[] slotHash;
    private final byte[][] slotName;
    private final int[] slotIndex;
    private final int mask;
    private final ScalarType[] types;
    private final String[] names;
    private final boolean[] keep;
    /**
     * Key-order prediction: exports write every line with the same keys in the same order, so the key
     * at each position of the last line (its bytes and closing quote) and its column (or -1) are
     * remembered, and a key that matches them is resolved without scanning or hashing it.
     */
    private byte[][] predictedKeys = new byte[16][];
    private int[] predictedColumns = new int[16];
    private byte[] b;
    private int end;
    private char[] chars = new char[256];
    private byte[] unescaped = new byte[256];
    private final RecentStrings recent;
    /** The kind of the string {@link #skipString} validated last. */
    private int stringKind;
    /**
     * Exact mode ({@link ExportLineDecoder}): a datetime that is not in the export's own UTC form, and any
     * value the general path would convert, make the line go to the caller's general reader; dynamic
     * strings are left as text. So this mode never reports a value problem: it declines the line instead.
     */
    private final boolean exact;
    /** Keys in the object {@link #decode} read last, and how many of them were not the predicted ones. */
    private int keyCount;
    private int unpredictedKeys;
    /**
     * Kept string columns whose text is made only when asked ({@link #materialize}): where their value
     * lies in the line ({@code spanFrom} -1: none) and its {@link #stringKind}.
     */
    private final boolean[] deferred;
    private final int[] deferredColumns;
    private final int[] spanFrom;
    private final int[] spanTo;
    private final int[] spanKind;

    /**
     * Matches the keys of {@code wanted}; the values of those in {@code kept} go into the row, the others
     * are only checked (their problems reported, the row left null). Kept string columns in
     * {@code deferred} are validated but left empty until {@link #materialize} (a filter that does not
     * read them drops most rows first).
     */
    FastJsonLine(Schema schema, Set<String> wanted, Set<String> kept, Set<String> deferred) {
        this(schema, wanted, kept, deferred, false);
    }

    /** As above; {@code exact} selects the mode of {@link ExportLineDecoder} (see {@link #exact}). */
    FastJsonLine(Schema schema, Set<String> wanted, Set<String> kept, Set<String> deferred, boolean exact) {
        this.exact = exact;
        int n = schema.size();
        types = new ScalarType[n];
        names = new String[n];
        keep = new boolean[n];
        this.deferred = new boolean[n];
        spanFrom = new int[n];
        spanTo = new int[n];
        spanKind = new int[n];
        recent = new RecentStrings(n);
        int size = 16;
        while (size < wanted.size() * 4) {
            size <<= 1;
        }
        slotHash = new int[size];
        slotName = new byte[size][];
        slotIndex = new int[size];
        mask = size - 1;
        for (int i = 0; i < n; i++) {
            types[i] = schema.column(i).type();
            names[i] = schema.column(i).name();
            keep[i] = kept.contains(names[i]);
            this.deferred[i] = keep[i] && types[i] == ScalarType.STRING && deferred.contains(names[i]);
            if (wanted.contains(names[i])) {
                byte[] name = names[i].getBytes(StandardCharsets.UTF_8);
                int h = Bytes.hash(name, 0, name.length);
                int slot = h & mask;
                while (slotName[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slotHash[slot] = h;
                slotName[slot] = name;
                slotIndex[slot] = i;
            }
        }
        deferredColumns = java.util.stream.IntStream.range(0, n).filter(i -> this.deferred[i]).toArray();
    }

    /**
     * Decodes the object in {@code buf[off, off+len)} into {@code row} (kept columns only; the caller
     * has set them to null and {@code bad} to nulls). A value that does not fit its column is null in
     * {@code row} and its reason is in {@code bad}. Returns the position after the object's closing brace
     * (what follows it is not read), or -1 when the line needs Jackson. No JSON token takes a newline,
     * so the object read never spans one.
     */
    int decode(byte[] buf, int off, int len, Object[] row, String[] bad) {
        b = buf;
        end = off + len;
        for (int c : deferredColumns) {
            spanFrom[c] = -1;
        }
        keyCount = 0;
        unpredictedKeys = 0;
        int p = ws(off);
        if (p >= end || b[p] != '{') {
            return -1;
        }
        p = ws(p + 1);
        if (p < end && b[p] == '}') {
            return p + 1;
        }
        for (int position = 0; ; position++) {
            if (p >= end || b[p] != '"') {
                return -1;
            }
            int keyStart = p + 1;
            int column;
            keyCount++;
            int q = predictedKeyEnd(position, keyStart);
            if (q >= 0 && b[q] == ':') {
                column = predictedColumns[position]; // the key, its quote and the colon matched at once
            } else {
                if (q >= 0) {
                    column = predictedColumns[position];
                } else {
                    unpredictedKeys++;
                    q = keyEnd(keyStart);
                    if (q < 0) {
                        return -1;
                    }
                    column = lookup(Bytes.hash(b, keyStart, q), keyStart, q);
                    predict(position, keyStart, q, column);
                }
                q = ws(q + 1);
                if (q >= end || b[q] != ':') {
                    return -1;
                }
            }
            p = ws(q + 1);
            if (p >= end) {
                return -1;
            }
            if (column < 0) {
                p = skipValue(p, 0);
            } else {
                p = readValue(p, column, row, bad);
            }
            if (p < 0) {
                return -1;
            }
            p = ws(p);
            if (p >= end) {
                return -1;
            }
            if (b[p] == '}') {
                return p + 1;
            }
            if (b[p] != ',') {
                return -1;
            }
            p = ws(p + 1);
        }
    }

    /**
     * When the key starting at {@code from} is the one predicted for {@code position}: the index of the
     * last byte matched, its closing quote or, when the predicted line had no blank there, the colon
     * after it; else -1. The prediction holds plain ASCII bytes and the quote, so a match is a key that
     * {@link #keyEnd} would end at the same quote (a longer or shorter key does not match).
     */
    private int predictedKeyEnd(int position, int from) {
        if (position >= predictedKeys.length || predictedKeys[position] == null) {
            return -1;
        }
        byte[] key = predictedKeys[position];
        int to = from + key.length;
        return to <= end && Arrays.equals(b, from, to, key, 0, key.length) ? to - 1 : -1;
    }

    /** The closing quote of a plain key starting at {@code from}, or -1 for Jackson. */
    private int keyEnd(int from) {
        int q = Bytes.plainRun(b, from, end);
        while (q < end && b[q] != '"' && b[q] >= 0x20 && b[q] != '\\') {
            q++; // the last bytes of the range, which the word scan leaves
        }
        if (q >= end || b[q] != '"') {
            return -1; // escapes, control bytes and non-ASCII in keys go to Jackson
        }
        return q;
    }

    /**
     * Remembers the key {@code [from, quote]}, with the colon when it follows at once, and its column as
     * the prediction for {@code position}.
     */
    private void predict(int position, int from, int quote, int column) {
        if (position >= MAX_PREDICTED) {
            return;
        }
        if (position >= predictedKeys.length) {
            predictedKeys = Arrays.copyOf(predictedKeys, position * 2);
            predictedColumns = Arrays.copyOf(predictedColumns, position * 2);
        }
        int len = quote + 1 - from;
        if (quote + 1 < end && b[quote + 1] == ':') {
            len++;
        }
        byte[] key = predictedKeys[position];
        if (key == null || key.length != len) {
            key = new byte[len];
            predictedKeys[position] = key;
        }
        System.arraycopy(b, from, key, 0, len);
        predictedColumns[position] = column;
    }

    private int lookup(int h, int from, int to) {
        int slot = h & mask;
        while (slotName[slot] != null) {
            if (slotHash[slot] == h && equal(slotName[slot], from, to)) {
                return slotIndex[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private boolean equal(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (name[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The first index at or after {@code p} (before {@code end}) that is not a blank JSON allows after a line's object. */
    static int skipBlanks(byte[] b, int p, int end) {
        while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r')) {
            p++;
        }
        return p;
    }

    private int ws(int p) {
        while (p < end) {
            byte c = b[p];
            if (c > ' ' || (c != ' ' && c != '\t' && c != '\r')) {
                return p; // exports have no blanks between tokens: one test decides the usual case
            }
            p++;
        }
        return p;
    }

    /**
     * Reads a wanted value into {@code row[column]} (kept columns only: the others are only checked);
     * returns the position after it, or -1 for Jackson.
     */
    private int readValue(int p, int column, Object[] row, String[] bad) {
        ScalarType type = types[column];
        bad[column] = null; // the last value of a repeated key wins, with its problem
        byte c = b[p];
        if (c == '"') {
            int close = skipString(p);
            if (close >= 0 && !readString(p + 1, close - 1, column, row, bad)) {
                return -1;
            }
            return close;
        }
        if (c == 'n') {
            int after = literal(p, NULL, 4);
            if (after > 0) {
                row[column] = ValueConverter.nullOf(type);
                spanFrom[column] = -1;
            }
            return after;
        }
        if ((c == 't' || c == 'f') && type == ScalarType.BOOL) {
            int after = c == 't' ? literal(p, TRUE, 4) : literal(p, FALS, 5);
            if (after > 0 && keep[column]) {
                row[column] = c == 't';
            }
            return after;
        }
        if ((c == '-' || (c >= '0' && c <= '9')) && (type == ScalarType.LONG || type == ScalarType.INT)) {
            return readInteger(p, column, row);
        }
        if ((c == '-' || (c >= '0' && c <= '9')) && type == ScalarType.REAL && !exact) {
            int q = skipNumber(p);
            if (q > 0 && keep[column]) {
                row[column] = Double.parseDouble(new String(b, p, q - p, StandardCharsets.ISO_8859_1));
            }
            return q; // a valid JSON number always parses, so a checked one needs no parsing
        }
        return -1; // other shapes (objects, numbers in string columns, ...) go through Jackson
    }

    /**
     * A string value {@code [from, to)} (validated) for {@code column}, converted to its type; false when
     * the line must go to the general path ({@link #exact} mode only).
     */
    private boolean readString(int from, int to, int column, Object[] row, String[] bad) {
        ScalarType type = types[column];
        if (type == ScalarType.DATETIME) {
            if (!keep[column]) {
                if (IsoInstants.valid(b, from, to - from)) {
                    return true; // fits, and nothing to make: the row holds null for this column
                }
            } else {
                Instant fast = IsoInstants.parse(b, from, to - from);
                if (fast != null) {
                    row[column] = fast;
                    return true;
                }
            }
            if (exact) {
                return false;
            }
        }
        if (deferred[column]) {
            spanFrom[column] = from;
            spanTo[column] = to;
            spanKind[column] = stringKind;
            return true;
        }
        if ((type == ScalarType.STRING || (exact && type == ScalarType.DYNAMIC)) && keep[column]) {
            row[column] = keptString(column, from, to);
            return true;
        }
        if (exact) {
            return false; // text in a column of another type: the caller's own conversion decides
        }
        String text = decodeString(from, to);
        Object value;
        if (type == ScalarType.STRING) {
            value = text;
        } else {
            try {
                value = type == ScalarType.DYNAMIC ? ValueConverter.dynamicFromText(text)
                        : ValueConverter.fromText(text, type);
            } catch (ValueConverter.BadValue e) {
                value = ValueConverter.nullOf(type);
                bad[column] = "column " + names[column] + ": " + e.getMessage() + " (value set to null)";
            }
        }
        if (keep[column]) {
            row[column] = value;
        }
        return true;
    }

    /** The text of a kept string column's value {@code [from, to)}, shared with a recent equal one. */
    private String keptString(int column, int from, int to) {
        String text = recent.find(column, b, from, to);
        if (text == null) {
            text = decodeString(from, to);
            recent.put(column, b, from, to, text);
        }
        return text;
    }

    /**
     * Makes the deferred columns' texts of the line {@link #decode} read last (whose bytes must still be
     * in its buffer) and puts them into {@code row}.
     */
    void materialize(Object[] row) {
        for (int c : deferredColumns) {
            if (spanFrom[c] >= 0) {
                stringKind = spanKind[c];
                row[c] = keptString(c, spanFrom[c], spanTo[c]);
            }
        }
    }

    /** Keys in the object the last {@link #decode} read (when it read one). */
    int keyCount() {
        return keyCount;
    }

    /** Of those keys, how many were not at the position the previous lines had them. */
    int unpredictedKeys() {
        return unpredictedKeys;
    }

    /** A plain JSON integer for a long or int column; returns the position after it, or -1 for Jackson. */
    private int readInteger(int p, int column, Object[] row) {
        int q = p;
        boolean negative = b[p] == '-';
        if (negative) {
            q++;
        }
        int digitsStart = q;
        long value = 0;
        while (q < end && b[q] >= '0' && b[q] <= '9') {
            value = value * 10 + (b[q] - '0');
            q++;
        }
        int digits = q - digitsStart;
        if (digits == 0 || digits > 18 || (digits > 1 && b[digitsStart] == '0')) {
            return -1;
        }
        if (q < end && !delimiter(b[q])) {
            return -1; // fractions, exponents, garbage
        }
        long v = negative ? -value : value;
        if (types[column] == ScalarType.INT) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                return -1;
            }
            if (keep[column]) {
                row[column] = (int) v;
            }
        } else if (keep[column]) {
            row[column] = v; // boxed only when kept
        }
        return q;
    }

    /** "null", "true" and "fals" as little-endian ints: a literal is checked with one comparison. */
    private static final int NULL = 0x6C6C756E;
    private static final int TRUE = 0x65757274;
    private static final int FALS = 0x736C6166;

    /** The literal whose first four bytes are {@code head} ("false" is five long); the position after it, or -1. */
    private int literal(int p, int head, int length) {
        if (p + length > end || Bytes.intAt(b, p) != head || (length == 5 && b[p + 4] != 'e')) {
            return -1;
        }
        int after = p + length;
        if (after < end && !delimiter(b[after])) {
            return -1;
        }
        return after;
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r';
    }

    /** Skips and validates any value; returns the position after it, or -1 for Jackson. */
    private int skipValue(int p, int depth) {
        byte c = b[p];
        if (c == '"') {
            return skipString(p);
        }
        if (c == '{' || c == '[') {
            return depth >= MAX_DEPTH ? -1 : skipContainer(p, depth + 1);
        }
        if (c == 't') {
            return literal(p, TRUE, 4);
        }
        if (c == 'f') {
            return literal(p, FALS, 5);
        }
        if (c == 'n') {
            return literal(p, NULL, 4);
        }
        return skipNumber(p);
    }

    private int skipContainer(int p, int depth) {
        boolean object = b[p] == '{';
        byte close = object ? (byte) '}' : (byte) ']';
        p = ws(p + 1);
        if (p < end && b[p] == close) {
            return p + 1;
        }
        while (true) {
            if (p >= end) {
                return -1;
            }
            if (object) {
                if (b[p] != '"') {
                    return -1;
                }
                p = skipString(p);
                if (p < 0) {
                    return -1;
                }
                p = ws(p);
                if (p >= end || b[p] != ':') {
                    return -1;
                }
                p = ws(p + 1);
                if (p >= end) {
                    return -1;
                }
            }
            p = skipValue(p, depth);
            if (p < 0) {
                return -1;
            }
            p = ws(p);
            if (p >= end) {
                return -1;
            }
            if (b[p] == close) {
                return p + 1;
            }
            if (b[p] != ',') {
                return -1;
            }
            p = ws(p + 1);
        }
    }

    /** JSON's number grammar, strictly; returns the position after the number, or -1. */
    private int skipNumber(int p) {
        int q = p;
        if (q < end && b[q] == '-') {
            q++;
        }
        if (q >= end || b[q] < '0' || b[q] > '9') {
            return -1;
        }
        if (b[q] == '0') {
            q++;
        } else {
            while (q < end && b[q] >= '0' && b[q] <= '9') {
                q++;
            }
        }
        if (q < end && b[q] == '.') {
            q++;
            int digits = q;
            while (q < end && b[q] >= '0' && b[q] <= '9') {
                q++;
            }
            if (q == digits) {
                return -1;
            }
        }
        if (q < end && (b[q] == 'e' || b[q] == 'E')) {
            q++;
            if (q < end && (b[q] == '+' || b[q] == '-')) {
                q++;
            }
            int digits = q;
            while (q < end && b[q] >= '0' && b[q] <= '9') {
                q++;
            }
            if (q == digits) {
                return -1;
            }
        }
        if (q - p > 100 || (q < end && !delimiter(b[q]))) {
            return -1; // very long numbers: let Jackson apply its limits
        }
        return q;
    }

    /**
     * Validates the string starting at the quote at {@code p}: escapes, no control bytes, strict UTF-8.
     * Returns the position after the closing quote, or -1.
     */
    private int skipString(int p) {
        stringKind = PLAIN;
        int q = p + 1;
        while (q < end) {
            q = Bytes.plainRun(b, q, end);
            if (q >= end) {
                return -1;
            }
            byte c = b[q];
            if (c == '"') {
                return q + 1;
            }
            if (c >= 0x20 && c != '\\') {
                q++;
                continue;
            }
            if (c == '\\') {
                if (q + 1 >= end) {
                    return -1;
                }
                byte e = b[q + 1];
                if (e == 'u') {
                    if (q + 5 >= end || !hex(b[q + 2]) || !hex(b[q + 3]) || !hex(b[q + 4]) || !hex(b[q + 5])) {
                        return -1;
                    }
                    stringKind = OTHER;
                    q += 6;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                        || e == 't') {
                    stringKind = Math.max(stringKind, ASCII_ESCAPED);
                    q += 2;
                } else {
                    return -1;
                }
                continue;
            }
            if (c >= 0) {
                return -1; // a control byte
            }
            int n = utf8(q);
            if (n < 0) {
                return -1;
            }
            stringKind = OTHER;
            q += n;
        }
        return -1;
    }

    /** The length of the valid UTF-8 sequence at {@code q}, or -1. */
    private int utf8(int q) {
        int c = b[q] & 0xFF;
        int n;
        int min = 0x80;
        int max = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) {
                min = 0xA0;
            } else if (c == 0xED) {
                max = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) {
                min = 0x90;
            } else if (c == 0xF4) {
                max = 0x8F;
            }
        } else {
            return -1;
        }
        if (q + n > end) {
            return -1;
        }
        int second = b[q + 1] & 0xFF;
        if (second < min || second > max) {
            return -1;
        }
        for (int i = 2; i < n; i++) {
            if ((b[q + i] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }

    private static boolean hex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** An {@link #ASCII_ESCAPED} string body: the runs between escapes copied whole, one Latin-1 string made. */
    private String unescapeAscii(int from, int to) {
        if (unescaped.length < to - from) {
            unescaped = new byte[Math.max(to - from, unescaped.length * 2)];
        }
        int n = 0;
        int i = from;
        while (true) {
            int run = Bytes.plainRun(b, i, to);
            while (run < to && b[run] != '\\') {
                run++;
            }
            System.arraycopy(b, i, unescaped, n, run - i);
            n += run - i;
            if (run == to) {
                return new String(unescaped, 0, n, StandardCharsets.ISO_8859_1);
            }
            unescaped[n++] = (byte) escaped(b[run + 1]);
            i = run + 2;
        }
    }

    /** The character of the one-letter escape {@code \\e}. */
    private static char escaped(byte e) {
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> (char) e; // '"', '\\' and '/'
        };
    }

    /** The text of the string body {@code [from, to)} that {@link #skipString} has just validated. */
    private String decodeString(int from, int to) {
        if (stringKind == PLAIN) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // no second scan
        }
        if (stringKind == ASCII_ESCAPED) {
            return unescapeAscii(from, to);
        }
        int firstEscape = from;
        while (firstEscape < to && b[firstEscape] != '\\') {
            firstEscape++;
        }
        if (firstEscape == to) {
            return new String(b, from, to - from, StandardCharsets.UTF_8); // multi-byte characters, no escape
        }
        if (chars.length < to - from) {
            chars = new char[Math.max(to - from, chars.length * 2)];
        }
        int n = 0;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == '\\') {
                byte e = b[i + 1];
                if (e == 'u') {
                    chars[n++] = (char) Integer.parseInt(new String(b, i + 2, 4, StandardCharsets.ISO_8859_1), 16);
                    i += 4;
                } else {
                    chars[n++] = escaped(e);
                }
                i += 2;
            } else if (c >= 0) {
                chars[n++] = (char) c;
                i++;
            } else {
                int len = utf8(i);
                String s = new String(b, i, len, StandardCharsets.UTF_8);
                for (int k = 0; k < s.length(); k++) {
                    chars[n++] = s.charAt(k);
                }
                i += len;
            }
        }
        return new String(chars, 0, n);
    }
}
