package io.egress.kql.engine;

import io.egress.kql.syntax.diag.Diagnostic;
import java.util.Objects;

/** A user error found while a query runs (a bad runtime regex, a row cap); carries the diagnostic. */
public final class QueryRuntimeException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public QueryRuntimeException(Diagnostic diagnostic) {
        super(Objects.requireNonNull(diagnostic, "diagnostic").code() + ": " + diagnostic.message());
        this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
