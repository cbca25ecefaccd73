package io.egress.kql.engine.exec;

import io.egress.data.Table;
import io.egress.kql.engine.functions.EvalContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The state of one execution: the input tables, the fixed {@code now}, and per-execution caches for
 * {@code materialize()} and {@code toscalar()} results. Not shared between threads.
 */
public final class ExecContext {
    private final Map<String, Table> tables;
    private final EvalContext eval;
    private final Map<Object, Object> cache = new HashMap<>();
    /**
     * The first few cached entries again, found by identity without hashing: a filter such as
     * {@code Timestamp > ago(1d)} asks for its clock value once per row, and a map lookup there was 3%
     * of a JSON scan.
     */
    private final Object[] recentKeys = new Object[8];
    private final Object[] recentValues = new Object[8];
    private int recentCount;
    private WindowFunctions.Window window;

    public ExecContext(Map<String, Table> tables, Instant now) {
        this.tables = Map.copyOf(Objects.requireNonNull(tables, "tables"));
        this.eval = new EvalContext(Objects.requireNonNull(now, "now"));
    }

    public Table table(String name) {
        return tables.get(name);
    }

    public EvalContext eval() {
        return eval;
    }

    /** The row window of the operator evaluating window functions, if any. */
    public WindowFunctions.Window window() {
        return window;
    }

    void window(WindowFunctions.Window window) {
        this.window = window;
    }

    /** Sets per-execution state an operator hands to another (mv-apply's current row). */
    public void put(Object key, Object value) {
        cache.put(key, value);
        for (int i = 0; i < recentCount; i++) {
            if (recentKeys[i].equals(key)) {
                recentValues[i] = value;
            }
        }
    }

    public Object get(Object key) {
        return cache.get(key);
    }

    /** What {@link #lookup} returns for a key with no value. */
    public static final Object MISSING = new Object();

    /** The value cached or put for {@code key}, or {@link #MISSING}; for per-row callers that must not allocate. */
    public Object lookup(Object key) {
        for (int i = 0; i < recentCount; i++) {
            if (recentKeys[i] == key) {
                return recentValues[i];
            }
        }
        Object value = cache.get(key);
        if (value == null && !cache.containsKey(key)) {
            return MISSING;
        }
        remember(key, value);
        return value;
    }

    private void remember(Object key, Object value) {
        if (recentCount < recentKeys.length) {
            recentKeys[recentCount] = key;
            recentValues[recentCount++] = value;
        }
    }

    /** The cached value for a key (an operator or expression identity), computing it once. */
    @SuppressWarnings("unchecked")
    public <T> T cached(Object key, Supplier<T> compute) {
        Object value = lookup(key);
        if (value == MISSING) {
            value = compute.get();
            cache.put(key, value);
            remember(key, value);
        }
        return (T) value;
    }
}
