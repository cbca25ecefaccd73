package io.egress.kql.engine.exec;

import java.util.Arrays;

/** A tuple of key values compared by value (strings case-sensitive, nulls equal to nulls). */
public final class GroupKey {
    private final Object[] values;
    private final int hash;

    public GroupKey(Object[] values) {
        this.values = values;
        for (int i = 0; i < values.length; i++) {
            values[i] = KqlValues.normalizeKey(values[i]);
        }
        this.hash = Arrays.hashCode(values);
    }

    public Object[] values() {
        return values;
    }

    public Object get(int i) {
        return values[i];
    }

    /** True when any key value is null (null keys never match in joins). */
    public boolean hasNull() {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupKey k && hash == k.hash && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
