package io.egress.sigma.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dynamic column of a raw table that keeps each event's own fields ({@code EventData}), and which Sigma
 * fields are read from it by their own name: those in {@code names}, or with {@code any} every name except
 * those in {@code names} (fields the reader drops). With {@code spaced}, a field such as {@code ThreatName}
 * also finds the key {@code Threat Name}: some channels (Windows Defender) name their EventData with spaces,
 * which Sigma rules leave out.
 */
public record FieldBag(String column, Set<String> names, boolean any, boolean spaced) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    public FieldBag {
        Objects.requireNonNull(column, "column");
        names = Set.copyOf(names);
    }

    public Optional<FieldTarget> field(String name) {
        if (any == names.contains(name) || !SAFE.matcher(name).matches()) {
            return Optional.empty();
        }
        FieldTarget plain = FieldTarget.bagField(column, name);
        String words = WORD_BREAK.matcher(name).replaceAll(" ");
        if (!spaced || words.equals(name)) {
            return Optional.of(plain);
        }
        List<String> keys = new ArrayList<>(List.of(plain.kql(), FieldTarget.bagField(column, words).kql()));
        return Optional.of(new FieldTarget("coalesce(" + String.join(", ", keys) + ")", plain.type(), null, null));
    }
}
