package io.egress.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A value or the {@link Problem} that prevented it: how Sigma loading and compilation report rule errors. */
public sealed interface Result<T> {
    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    record Fail<T>(Problem problem) implements Result<T> {
        public Fail {
            Objects.requireNonNull(problem, "problem");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> fail(Problem problem) {
        return new Fail<>(problem);
    }

    static <T> Result<T> invalid(String reason) {
        return new Fail<>(Problem.invalid(reason));
    }

    static <T> Result<T> unsupported(String reason) {
        return new Fail<>(Problem.unsupported(reason));
    }

    default <U> Result<U> map(Function<T, U> function) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(function.apply(ok.value()));
        }
        return new Fail<>(((Fail<T>) this).problem());
    }

    default <U> Result<U> flatMap(Function<T, Result<U>> function) {
        if (this instanceof Ok<T> ok) {
            return function.apply(ok.value());
        }
        return new Fail<>(((Fail<T>) this).problem());
    }

    /** All values, or the first problem. */
    static <T> Result<List<T>> all(List<Result<T>> results) {
        List<T> values = new ArrayList<>(results.size());
        for (Result<T> result : results) {
            if (result instanceof Fail<T> fail) {
                return new Fail<>(fail.problem());
            }
            values.add(((Ok<T>) result).value());
        }
        return new Ok<>(values);
    }
}
