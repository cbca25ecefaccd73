package io.egress.store.format;

import io.egress.kql.engine.functions.terms.Terms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The term index of a dictionary string column (encoding {@link Encoding#DICTIONARY_TERMS}): for each
 * term, the dictionary entries that contain it. A term is a maximal run of ASCII letters and digits (the
 * term characters of Kusto's {@code has}), lower-cased, of {@value #MIN_TERM} to {@value #MAX_TERM}
 * characters. {@code x has "curl.exe"} can only hold where the value contains the terms {@code curl}
 * and {@code exe}, so the entries listed under one of them are the only candidates; a reader evaluates
 * the predicate on those alone. Entries holding a non-ASCII character that case-folds to ASCII (the
 * Kelvin sign folds to {@code k}) are listed apart and are always candidates, since a case-insensitive
 * match may run through such a character.
 *
 * <p>Layout, after the dictionary's ids: varint shortest and varint longest term length indexed (this
 * writer: {@value #MIN_TERM} and {@value #MAX_TERM}), varint T (terms), varint U and U entry ids (the
 * always-candidates), T offsets (4 bytes little-endian, ascending, the first 0) of the term records from
 * the end of the offsets, then the T records in ascending byte order of their terms: varint length,
 * the term's ASCII bytes, varint N, N entry ids. Entry ids are ascending, each written as a varint
 * difference to the previous one (the first to 0). The offsets let a reader look a term up by binary
 * search without reading the other records.
 */
public final class TermIndex {
    static final int MIN_TERM = 1;
    static final int MAX_TERM = 32;
    /** The longest term any index may hold (a reader's bound on the lengths it reads). */
    private static final int MAX_TERM_LIMIT = 255;

    private final byte[] bytes;
    private final int entries;
    private final int minTerm;
    private final int maxTerm;
    private final int terms;
    private final int offsetsAt;
    private final int recordsAt;
    private final int end;
    private final int[] always;

    private TermIndex(byte[] bytes, int entries, int minTerm, int maxTerm, int terms, int offsetsAt, int recordsAt,
                      int end, int[] always) {
        this.bytes = bytes;
        this.entries = entries;
        this.minTerm = minTerm;
        this.maxTerm = maxTerm;
        this.terms = terms;
        this.offsetsAt = offsetsAt;
        this.recordsAt = recordsAt;
        this.end = end;
        this.always = always;
    }

    /** Writes the index of {@code texts} (the dictionary, in id order) to {@code out}. */
    static void write(List<String> texts, ByteSink out) {
        Map<String, IntList> postings = new HashMap<>();
        IntList always = new IntList();
        char[] term = new char[MAX_TERM];
        for (int id = 0; id < texts.size(); id++) {
            String s = texts.get(id);
            int run = 0;
            boolean foldsToAscii = false;
            for (int i = 0; i <= s.length(); i++) {
                char c = i < s.length() ? s.charAt(i) : ' ';
                if (Terms.isTermChar(c)) {
                    if (run < MAX_TERM) {
                        term[run] = Terms.fold(c);
                    }
                    run++;
                    continue;
                }
                if (c >= 128 && Terms.fold(c) < 128) {
                    foldsToAscii = true;
                }
                if (run >= MIN_TERM && run <= MAX_TERM) {
                    postings.computeIfAbsent(new String(term, 0, run), k -> new IntList()).addOnce(id);
                }
                run = 0;
            }
            if (foldsToAscii) {
                always.addOnce(id);
            }
        }
        String[] sorted = postings.keySet().toArray(new String[0]);
        Arrays.sort(sorted);
        out.writeVarLong(MIN_TERM);
        out.writeVarLong(MAX_TERM);
        out.writeVarLong(sorted.length);
        always.writeDeltas(out);
        ByteSink records = new ByteSink(sorted.length * 16);
        for (String t : sorted) {
            out.writeFixedLE(records.size(), 4);
            byte[] ascii = t.getBytes(StandardCharsets.US_ASCII);
            records.writeVarLong(ascii.length);
            records.writeBytes(ascii, 0, ascii.length);
            postings.get(t).writeDeltas(records);
        }
        out.writeBytes(records.array(), 0, records.size());
    }

    /**
     * Reads the index at the source's position, which must run to the end of the block, over a dictionary
     * of {@code entries} entries. The offsets are checked here (ascending, inside the block, the last
     * record ending with the block); a record is checked when a lookup reads it.
     */
    static TermIndex read(ByteSource in, int entries) {
        int minTerm = in.readCount(MAX_TERM_LIMIT);
        int maxTerm = in.readCount(MAX_TERM_LIMIT);
        if (minTerm < 1 || maxTerm < minTerm) {
            throw new CorruptSegmentException.Unchecked("term index lengths " + minTerm + " to " + maxTerm);
        }
        int count = in.readCount(in.remaining() / 4);
        int alwaysAt = in.position();
        skipIds(in, entries);
        int[] always = ids(new ByteSource(in.array(), alwaysAt, in.position() - alwaysAt), entries);
        int offsetsAt = in.skip(Math.multiplyExact(count, 4));
        int recordsAt = in.position();
        int end = recordsAt + in.remaining();
        byte[] b = in.array();
        int previous = -1;
        for (int t = 0; t < count; t++) {
            int offset = fixed(b, offsetsAt + 4 * t);
            if (offset <= previous || offset < 0 || (t == 0 && offset != 0) || recordsAt + (long) offset >= end) {
                throw new CorruptSegmentException.Unchecked("term index offsets out of order");
            }
            previous = offset;
        }
        if (count > 0) {
            ByteSource last = new ByteSource(b, recordsAt + previous, end - recordsAt - previous);
            last.skip(last.readCount(maxTerm));
            skipIds(last, entries);
            if (last.remaining() != 0) {
                throw new CorruptSegmentException.Unchecked(last.remaining() + " trailing bytes after the term index");
            }
        } else if (end != recordsAt) {
            throw new CorruptSegmentException.Unchecked((end - recordsAt) + " trailing bytes after the term index");
        }
        in.skip(end - recordsAt);
        return new TermIndex(b, entries, minTerm, maxTerm, count, offsetsAt, recordsAt, end, always);
    }

    private static int fixed(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    /** The source positioned on record {@code t}'s term length. */
    private ByteSource record(int t) {
        int at = recordsAt + fixed(bytes, offsetsAt + 4 * t);
        return new ByteSource(bytes, at, end - at);
    }

    /**
     * The entries whose value can contain {@code needles}' terms: for each needle, those listed under its
     * longest indexed term, plus the always-candidates. Null when some needle has no term the index
     * holds (empty, punctuation only, or every run shorter or longer than the index's term lengths): then
     * any entry may match.
     */
    public BitSet candidates(List<String> needles) {
        BitSet out = new BitSet(entries);
        for (String needle : needles) {
            byte[] term = longestTerm(needle, minTerm, maxTerm);
            if (term == null) {
                return null;
            }
            int t = find(term);
            if (t >= 0) {
                ByteSource in = record(t);
                in.skip(in.readCount(maxTerm));
                for (int id : ids(in, entries)) {
                    out.set(id);
                }
            }
        }
        for (int id : always) {
            out.set(id);
        }
        return out;
    }

    /** Whether {@link #candidates} can look {@code needle} up (it has a term the index can hold). */
    public static boolean canLookUp(String needle) {
        return longestTerm(needle, MIN_TERM, MAX_TERM) != null;
    }

    /** The longest run of term characters of the case-folded needle that the index can hold, or null. */
    static byte[] longestTerm(String needle, int minTerm, int maxTerm) {
        String folded = Terms.fold(needle);
        int bestStart = -1;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i <= folded.length(); i++) {
            if (i < folded.length() && Terms.isTermChar(folded.charAt(i))) {
                continue;
            }
            int length = i - start;
            if (length >= minTerm && length <= maxTerm && length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
            start = i + 1;
        }
        return bestStart < 0 ? null : folded.substring(bestStart, bestStart + bestLength).getBytes(StandardCharsets.US_ASCII);
    }

    private int find(byte[] term) {
        int lo = 0;
        int hi = terms - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ByteSource in = record(mid);
            int length = in.readCount(maxTerm);
            int at = in.skip(length);
            int c = compare(bytes, at, length, term, 0, term.length);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static int compare(byte[] a, int aAt, int aLength, byte[] b, int bAt, int bLength) {
        return Arrays.compareUnsigned(a, aAt, aAt + aLength, b, bAt, bAt + bLength);
    }

    private static void skipIds(ByteSource in, int entries) {
        int n = in.readCount(entries);
        long id = 0;
        for (int i = 0; i < n; i++) {
            id += in.readVarLong();
            if (id < 0 || id >= entries) {
                throw new CorruptSegmentException.Unchecked("term index entry " + id + " out of range");
            }
        }
    }

    private static int[] ids(ByteSource in, int entries) {
        int n = in.readCount(entries);
        int[] out = new int[n];
        long id = 0;
        for (int i = 0; i < n; i++) {
            id += in.readVarLong();
            if (id < 0 || id >= entries) {
                throw new CorruptSegmentException.Unchecked("term index entry " + id + " out of range");
            }
            out[i] = (int) id;
        }
        return out;
    }

    /** A growable list of ascending entry ids. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void addOnce(int id) {
            if (size > 0 && values[size - 1] == id) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = id;
        }

        /** The count, then the first id and the differences to the previous one. */
        void writeDeltas(ByteSink out) {
            out.writeVarLong(size);
            int previous = 0;
            for (int i = 0; i < size; i++) {
                out.writeVarLong(values[i] - previous);
                previous = values[i];
            }
        }
    }
}
