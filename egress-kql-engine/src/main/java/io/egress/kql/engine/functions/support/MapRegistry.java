package io.egress.kql.engine.functions.support;

import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.FunctionRegistry;
import io.egress.kql.engine.functions.Operators;
import io.egress.kql.engine.functions.ScalarFunction;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A registry held in two name-ordered maps; built once, then read-only. */
public final class MapRegistry implements FunctionRegistry {
    private final Map<String, ScalarFunction> scalars;
    private final Map<String, AggregateFunction> aggregates;
    private final Operators operators;

    private MapRegistry(Map<String, ScalarFunction> scalars, Map<String, AggregateFunction> aggregates, Operators operators) {
        this.scalars = Collections.unmodifiableMap(scalars);
        this.aggregates = Collections.unmodifiableMap(aggregates);
        this.operators = operators;
    }

    @Override
    public Optional<ScalarFunction> scalar(String name) {
        return Optional.ofNullable(scalars.get(name));
    }

    @Override
    public Optional<AggregateFunction> aggregate(String name) {
        return Optional.ofNullable(aggregates.get(name));
    }

    @Override
    public Operators operators() {
        return operators;
    }

    @Override
    public Collection<ScalarFunction> scalars() {
        return scalars.values();
    }

    @Override
    public Collection<AggregateFunction> aggregates() {
        return aggregates.values();
    }

    /** Collects functions; a second registration under one name is a bug and throws. */
    public static final class Builder {
        private final Map<String, ScalarFunction> scalars = new LinkedHashMap<>();
        private final Map<String, AggregateFunction> aggregates = new LinkedHashMap<>();

        public Builder add(ScalarFunction f) {
            if (scalars.putIfAbsent(f.name(), f) != null) {
                throw new IllegalStateException("duplicate scalar function " + f.name());
            }
            return this;
        }

        /** Registers {@code f} under another name too. */
        public Builder alias(String alias, ScalarFunction f) {
            return add(new Fn(alias, f.signatures().stream().map(s -> s.replaceFirst("^" + f.name(), alias)).toList(), f::bind));
        }

        public Builder add(AggregateFunction f) {
            if (aggregates.putIfAbsent(f.name(), f) != null) {
                throw new IllegalStateException("duplicate aggregate " + f.name());
            }
            return this;
        }

        public MapRegistry build(Operators operators) {
            return new MapRegistry(new LinkedHashMap<>(scalars), new LinkedHashMap<>(aggregates), Objects.requireNonNull(operators));
        }
    }
}
