package io.egress.data;

import java.util.Objects;

/** A named, typed column of a table schema. */
public record Column(String name, ScalarType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + ":" + type.kqlName();
    }
}
