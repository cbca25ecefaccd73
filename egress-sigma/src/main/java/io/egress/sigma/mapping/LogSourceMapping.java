package io.egress.sigma.mapping;

import io.egress.sigma.model.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Sigma log source runs: the table, an optional KQL predicate every event of the log source
 * satisfies, the Sigma field → {@link FieldTarget} map, and the columns keywords search.
 *
 * <p>Raw per-source tables ({@code SysmonEvent}, {@code WindowsEvent}, {@code AuditdEvent}) also keep each
 * event's own fields in a dynamic column: a Sigma field not in {@code fields} may be read from it by its own
 * name ({@link FieldBag}; null when the table has none).
 */
public record LogSourceMapping(
        String product, String category, String service,
        String table, String where, Map<String, FieldTarget> fields, List<String> keywordColumns, FieldBag bag) {
    public LogSourceMapping {
        Objects.requireNonNull(table, "table");
        fields = Map.copyOf(fields);
        keywordColumns = List.copyOf(keywordColumns);
    }

    public LogSourceMapping(String product, String category, String service, String table, String where,
                            Map<String, FieldTarget> fields, List<String> keywordColumns) {
        this(product, category, service, table, where, fields, keywordColumns, null);
    }

    public boolean matches(LogSource logSource) {
        return Objects.equals(product, lower(logSource.product()))
                && Objects.equals(category, lower(logSource.category()))
                && Objects.equals(service, lower(logSource.service()));
    }

    public Optional<FieldTarget> field(String name) {
        FieldTarget explicit = fields.get(name);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return bag == null ? Optional.empty() : bag.field(name);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
