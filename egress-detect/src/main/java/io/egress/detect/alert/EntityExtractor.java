package io.egress.detect.alert;

import io.egress.data.Schema;
import io.egress.data.ValueFormat;
import io.egress.detect.rule.EntityMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an alert's entities from a result row: first from the rule's {@code entityMappings} (several
 * mappings may fill the same entity; the first non-empty wins), then from well-known Defender and
 * Sysmon column names. Built once per rule and schema: the column indexes are resolved up front.
 */
public final class EntityExtractor {
    /** Well-known columns per entity, in preference order. */
    static final Map<String, List<String>> WELL_KNOWN = Map.of(
            "host", List.of("DeviceName", "Computer", "HostName", "Hostname"),
            "account", List.of("AccountName", "InitiatingProcessAccountName", "UserName", "User", "SubjectUserName"),
            "process", List.of("FileName", "InitiatingProcessFileName", "ProcessName", "Image"),
            "commandLine", List.of("ProcessCommandLine", "InitiatingProcessCommandLine", "CommandLine"),
            "remoteIp", List.of("RemoteIP", "DestinationIp", "DestinationIP"),
            "remotePort", List.of("RemotePort", "DestinationPort"),
            "url", List.of("RemoteUrl", "Url", "URL"));

    private final Map<String, int[]> columns = new LinkedHashMap<>();

    public EntityExtractor(Schema schema, List<EntityMapping> mappings) {
        for (String entity : List.of("host", "account", "process", "commandLine", "remoteIp", "remotePort", "url")) {
            List<Integer> indexes = new ArrayList<>();
            for (EntityMapping mapping : mappings) {
                for (EntityMapping.FieldMapping field : mapping.fieldMappings()) {
                    if (entity.equals(entityKey(mapping.entityType(), field.identifier()))) {
                        add(indexes, schema.indexOf(field.columnName()));
                    }
                }
            }
            for (String column : WELL_KNOWN.get(entity)) {
                add(indexes, schema.indexOf(column));
            }
            columns.put(entity, indexes.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Sentinel entity type + identifier → Egress entity name, or null when Egress has no such entity. */
    static String entityKey(String entityType, String identifier) {
        String type = entityType.toLowerCase(Locale.ROOT);
        String id = identifier.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "host" -> List.of("hostname", "fullname", "netbiosname").contains(id) ? "host" : null;
            case "account" -> List.of("name", "fullname").contains(id) ? "account" : null;
            case "process" -> id.equals("commandline") ? "commandLine" : null;
            case "file" -> id.equals("name") ? "process" : null;
            case "ip" -> id.equals("address") ? "remoteIp" : null;
            case "url" -> id.equals("url") ? "url" : null;
            default -> null;
        };
    }

    public Entities extract(Object[] row) {
        Object port = first(row, "remotePort");
        Integer remotePort = null;
        if (port instanceof Number number) {
            remotePort = number.intValue();
        } else if (port != null && ValueFormat.toKqlString(port).matches("\\d{1,5}")) {
            remotePort = Integer.parseInt(ValueFormat.toKqlString(port));
        }
        return new Entities(text(row, "host"), text(row, "account"), text(row, "process"), text(row, "commandLine"),
                text(row, "remoteIp"), remotePort, text(row, "url"));
    }

    private String text(Object[] row, String entity) {
        Object value = first(row, entity);
        return value == null ? null : ValueFormat.toKqlString(value);
    }

    private Object first(Object[] row, String entity) {
        for (int index : columns.get(entity)) {
            Object value = row[index];
            if (value != null && !(value instanceof String s && s.isEmpty())) {
                return value;
            }
        }
        return null;
    }

    private static void add(List<Integer> indexes, int index) {
        if (index >= 0 && !indexes.contains(index)) {
            indexes.add(index);
        }
    }
}
