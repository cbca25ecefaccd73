package io.egress.kql.engine.catalog;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.kql.engine.Catalog;
import java.util.Collection;
import java.util.Optional;

/** The Defender Advanced Hunting tables Egress knows ({@link DefenderSchemas}). */
public final class DefenderCatalog implements Catalog {
    public static final DefenderCatalog INSTANCE = new DefenderCatalog();

    private DefenderCatalog() {
    }

    @Override
    public Optional<Schema> table(String name) {
        return DefenderSchemas.schema(name);
    }

    @Override
    public Collection<String> tableNames() {
        return DefenderSchemas.all().keySet();
    }
}
