package io.egress.sigma.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code detection:} section: named search identifiers and the condition(s) over them (OR-ed). */
public record Detection(Map<String, SearchIdentifier> identifiers, List<Condition> conditions) {
    public static final Detection EMPTY = new Detection(Map.of(), List.of());

    public Detection {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
    }
}
