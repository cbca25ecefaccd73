package io.egress.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Defender Advanced Hunting table schemas built into Egress (resources
 * {@code io/egress/data/schemas/TABLE.txt}, {@code Column:type, ...} in Microsoft's column order).
 *
 * <p>Each Defender table also carries the columns Sentinel's Log Analytics copy adds
 * ({@link #SENTINEL_COLUMNS}), so queries written for either product bind: {@code TimeGenerated}
 * holds the same instant as {@code Timestamp} and {@code Type} holds the table name.
 */
public final class DefenderSchemas {
    /** Table names, in a stable order. */
    public static final List<String> TABLES = List.of(
            "DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents", "DeviceEvents");

    /** Columns appended to every Defender table for Sentinel compatibility. */
    public static final List<Column> SENTINEL_COLUMNS = List.of(
            new Column("TenantId", ScalarType.STRING),
            new Column("TimeGenerated", ScalarType.DATETIME),
            new Column("SourceSystem", ScalarType.STRING),
            new Column("Type", ScalarType.STRING),
            new Column("MachineGroup", ScalarType.STRING));

    private static final Map<String, Schema> SCHEMAS = load();

    private DefenderSchemas() {
    }

    /** All built-in table schemas by table name, in {@link #TABLES} order. */
    public static Map<String, Schema> all() {
        return SCHEMAS;
    }

    public static Optional<Schema> schema(String table) {
        return Optional.ofNullable(SCHEMAS.get(table));
    }

    /** The schema exactly as Microsoft documents it, without the Sentinel columns. */
    public static Schema defenderOnly(String table) {
        Schema full = SCHEMAS.get(table);
        if (full == null) {
            throw new IllegalArgumentException("unknown Defender table " + table);
        }
        return new Schema(full.columns().subList(0, full.size() - SENTINEL_COLUMNS.size()));
    }

    private static Map<String, Schema> load() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String table : TABLES) {
            String resource = "schemas/" + table + ".txt";
            try (InputStream in = DefenderSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                Schema documented = Schema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                List<Column> columns = new ArrayList<>(documented.columns());
                for (Column extra : SENTINEL_COLUMNS) {
                    if (documented.indexOf(extra.name()) < 0) {
                        columns.add(extra);
                    }
                }
                schemas.put(table, new Schema(columns));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(schemas);
    }
}
