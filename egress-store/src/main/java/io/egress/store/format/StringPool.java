package io.egress.store.format;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes equal strings one instance across the segments of a read, so that a predicate can be memoised
 * per distinct value (identity) and memory holds each distinct value once.
 */
public final class StringPool {
    private final ConcurrentHashMap<String, String> pool = new ConcurrentHashMap<>();

    public String intern(String s) {
        String known = pool.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    public int size() {
        return pool.size();
    }
}
