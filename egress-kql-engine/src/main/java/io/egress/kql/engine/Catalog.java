package io.egress.kql.engine;

import io.egress.data.Schema;
import io.egress.kql.engine.catalog.DefenderCatalog;
import io.egress.kql.engine.catalog.MapCatalog;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The tables a query may name, with their schemas. */
public interface Catalog {
    Optional<Schema> table(String name);

    Collection<String> tableNames();

    /** The built-in Defender Advanced Hunting tables (with the Sentinel columns). */
    static Catalog defender() {
        return DefenderCatalog.INSTANCE;
    }

    static Catalog of(Map<String, Schema> tables) {
        return new MapCatalog(tables);
    }
}
