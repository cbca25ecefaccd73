package io.egress.kql.engine.functions;

import java.util.Objects;

/**
 * The outcome of binding a function or operator to argument types: an implementation, or a
 * user-facing error message (the binder turns it into a diagnostic at the call's span).
 */
public sealed interface BindResult<T> {
    record Bound<T>(T implementation) implements BindResult<T> {
        public Bound {
            Objects.requireNonNull(implementation, "implementation");
        }
    }

    record Error<T>(String message) implements BindResult<T> {
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }

    static <T> BindResult<T> bound(T implementation) {
        return new Bound<>(implementation);
    }

    static <T> BindResult<T> error(String message) {
        return new Error<>(message);
    }
}
