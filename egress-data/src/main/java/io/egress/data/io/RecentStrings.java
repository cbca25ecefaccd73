package io.egress.data.io;

import java.util.Arrays;

/**
 * The strings a reader decoded recently, per column, found again by their raw bytes. Telemetry repeats
 * most of its values (device, account, image and parent names and paths), so a repeated value costs a
 * hash of its bytes and one comparison instead of a new {@code String}, and every row holding it shares
 * one instance: later stages that key by value (a store's dictionaries, the query's grouping) then hash
 * it once and compare by identity. Direct-mapped: a slot holds the latest value hashed to it. Values
 * longer than {@value #MAX_LENGTH} bytes are not kept. One per reader thread.
 */
final class RecentStrings {
    private static final int SLOTS = 256;
    static final int MAX_LENGTH = 256;

    private final byte[][][] keys;
    private final String[][] values;

    RecentStrings(int columns) {
        keys = new byte[columns][][];
        values = new String[columns][];
    }

    /** The string made earlier from the bytes {@code [from, to)} of {@code b} in this column, or null. */
    String find(int column, byte[] b, int from, int to) {
        byte[][] k = keys[column];
        if (k == null || to - from > MAX_LENGTH) {
            return null;
        }
        int slot = Bytes.hash(b, from, to) & (SLOTS - 1);
        byte[] key = k[slot];
        return key != null && Arrays.equals(key, 0, key.length, b, from, to) ? values[column][slot] : null;
    }

    /** Remembers that the bytes {@code [from, to)} of {@code b} make {@code value} in this column. */
    void put(int column, byte[] b, int from, int to, String value) {
        if (to - from > MAX_LENGTH) {
            return;
        }
        if (keys[column] == null) {
            keys[column] = new byte[SLOTS][];
            values[column] = new String[SLOTS];
        }
        int slot = Bytes.hash(b, from, to) & (SLOTS - 1);
        keys[column][slot] = Arrays.copyOfRange(b, from, to);
        values[column][slot] = value;
    }
}
