package io.egress.detect.rule;

import java.util.List;
import java.util.Objects;

/** One Sentinel {@code entityMappings} entry: an entity type and which result column fills each identifier. */
public record EntityMapping(String entityType, List<FieldMapping> fieldMappings) {
    public EntityMapping {
        Objects.requireNonNull(entityType, "entityType");
        fieldMappings = List.copyOf(fieldMappings);
    }

    /** {@code identifier} (e.g. {@code HostName}) is read from {@code columnName}. */
    public record FieldMapping(String identifier, String columnName) {
        public FieldMapping {
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(columnName, "columnName");
        }
    }
}
