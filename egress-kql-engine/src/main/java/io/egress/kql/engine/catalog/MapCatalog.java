package io.egress.kql.engine.catalog;

import io.egress.data.Schema;
import io.egress.kql.engine.Catalog;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A catalog over a fixed map of table schemas (table names are case-sensitive). */
public final class MapCatalog implements Catalog {
    private final Map<String, Schema> tables;

    public MapCatalog(Map<String, Schema> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    @Override
    public Optional<Schema> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Collection<String> tableNames() {
        return tables.keySet();
    }

    /** This catalog plus more tables (the added ones win on a name clash). */
    public MapCatalog with(Map<String, Schema> more) {
        Map<String, Schema> all = new LinkedHashMap<>(tables);
        all.putAll(more);
        return new MapCatalog(all);
    }
}
