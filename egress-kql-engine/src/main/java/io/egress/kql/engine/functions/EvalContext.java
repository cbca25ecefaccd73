package io.egress.kql.engine.functions;

import java.time.Instant;
import java.util.Objects;

/**
 * What a function may read besides its arguments. {@code now} is fixed once per query, so every
 * {@code now()} and {@code ago()} in one query sees the same instant (as in Kusto).
 */
public record EvalContext(Instant now) {
    public EvalContext {
        Objects.requireNonNull(now, "now");
    }
}
