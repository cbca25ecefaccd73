package io.egress.sigma.mapping;

import io.egress.sigma.model.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Sigma log source runs on Defender data: the table, an optional KQL predicate every event of
 * the log source satisfies, the Sigma field → {@link FieldTarget} map, and the columns keywords search.
 */
public record LogSourceMapping(
        String product, String category, String service,
        String table, String where, Map<String, FieldTarget> fields, List<String> keywordColumns) {
    public LogSourceMapping {
        Objects.requireNonNull(table, "table");
        fields = Map.copyOf(fields);
        keywordColumns = List.copyOf(keywordColumns);
    }

    public boolean matches(LogSource logSource) {
        return Objects.equals(product, lower(logSource.product()))
                && Objects.equals(category, lower(logSource.category()))
                && Objects.equals(service, lower(logSource.service()));
    }

    public Optional<FieldTarget> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
