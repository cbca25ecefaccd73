package io.egress.kql.engine.functions.support;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.BindResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** A table-driven aggregate: a name, its signatures, and a binder. */
public final class Agg implements AggregateFunction {
    /** Chooses an aggregate implementation for argument types and constants. */
    @FunctionalInterface
    public interface Binder {
        BindResult<BoundAggregate> bind(List<ScalarType> types, List<Object> constants);
    }

    private final String name;
    private final List<String> signatures;
    private final Binder binder;

    public Agg(String name, List<String> signatures, Binder binder) {
        this.name = Objects.requireNonNull(name, "name");
        this.signatures = List.copyOf(signatures);
        this.binder = Objects.requireNonNull(binder, "binder");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> signatures() {
        return signatures;
    }

    @Override
    public BindResult<BoundAggregate> bind(List<ScalarType> argTypes, List<Object> constants) {
        return binder.bind(argTypes, constants);
    }

    public static BoundAggregate bound(ScalarType returnType, Supplier<Accumulator> factory) {
        return new Impl(returnType, factory);
    }

    /** The same aggregate under another name (e.g. {@code makeset} for {@code make_set}). */
    public Agg alias(String alias) {
        return new Agg(alias, signatures.stream().map(s -> s.replaceFirst("^" + name, alias)).toList(), binder);
    }

    private record Impl(ScalarType returnType, Supplier<Accumulator> factory) implements BoundAggregate {
        @Override
        public Accumulator newAccumulator() {
            return factory.get();
        }
    }
}
