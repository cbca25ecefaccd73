package io.egress.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered list of uniquely named columns. Column names are case-sensitive, as in Kusto. */
public final class Schema {
    private final List<Column> columns;
    private final Map<String, Integer> indexByName;

    public Schema(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (indexByName.putIfAbsent(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("duplicate column " + this.columns.get(i).name());
            }
        }
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    /**
     * Parses the {@code Name:type, Name:type, ...} notation used by the schema files and by golden
     * test headers.
     */
    public static Schema parse(String text) {
        List<Column> columns = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected Name:type but found '" + trimmed + "'");
            }
            String name = trimmed.substring(0, colon).strip();
            String typeName = trimmed.substring(colon + 1).strip();
            ScalarType type = ScalarType.fromName(typeName)
                    .orElseThrow(() -> new IllegalArgumentException("unknown type '" + typeName + "' for column " + name));
            columns.add(new Column(name, type));
        }
        return new Schema(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The index of the named column, or -1. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    public Optional<Column> find(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(columns.get(index));
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schema that && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return String.join(", ", columns.stream().map(Column::toString).toList());
    }
}
