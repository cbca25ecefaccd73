package io.egress.sigma.model;

import java.util.List;
import java.util.Objects;

/**
 * One {@code field|mod|mod: value(s)} entry of a selection map. {@code field} is null for a keyword
 * entry written as {@code '|all': [...]}. Values are OR-ed unless the {@code all} modifier is present.
 */
public record FieldMatch(String field, List<Modifier> modifiers, List<SigmaValue> values) {
    public FieldMatch {
        modifiers = List.copyOf(modifiers);
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    public boolean has(Modifier modifier) {
        return modifiers.contains(modifier);
    }

    /** The key as written in the rule, for messages. */
    public String key() {
        StringBuilder key = new StringBuilder(field == null ? "" : field);
        for (Modifier modifier : modifiers) {
            key.append('|').append(modifier.yamlName());
        }
        return key.toString();
    }
}
