package io.egress.data;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Kusto's scalar types and the Java class that holds a value of each.
 *
 * <p>Value representation, used by every module: {@code BOOL} → {@link Boolean}, {@code INT} →
 * {@link Integer}, {@code LONG} → {@link Long}, {@code REAL} → {@link Double}, {@code DECIMAL} →
 * {@link java.math.BigDecimal}, {@code STRING} → {@link String} (never null: Kusto strings are empty,
 * not null), {@code DATETIME} → {@link java.time.Instant}, {@code TIMESPAN} → {@link java.time.Duration},
 * {@code GUID} → {@link java.util.UUID}, {@code DYNAMIC} → {@link com.fasterxml.jackson.databind.JsonNode}.
 * A null of any other type is Java {@code null}.
 */
public enum ScalarType {
    BOOL("bool", Boolean.class),
    INT("int", Integer.class),
    LONG("long", Long.class),
    REAL("real", Double.class),
    DECIMAL("decimal", java.math.BigDecimal.class),
    STRING("string", String.class),
    DATETIME("datetime", java.time.Instant.class),
    TIMESPAN("timespan", java.time.Duration.class),
    GUID("guid", java.util.UUID.class),
    DYNAMIC("dynamic", com.fasterxml.jackson.databind.JsonNode.class);

    private static final Map<String, ScalarType> BY_NAME = Map.ofEntries(
            Map.entry("bool", BOOL), Map.entry("boolean", BOOL),
            Map.entry("int", INT), Map.entry("int32", INT),
            Map.entry("long", LONG), Map.entry("int64", LONG),
            Map.entry("real", REAL), Map.entry("double", REAL),
            Map.entry("decimal", DECIMAL),
            Map.entry("string", STRING),
            Map.entry("datetime", DATETIME), Map.entry("date", DATETIME),
            Map.entry("timespan", TIMESPAN), Map.entry("time", TIMESPAN),
            Map.entry("guid", GUID), Map.entry("uniqueid", GUID),
            Map.entry("dynamic", DYNAMIC));

    private final String kqlName;
    private final Class<?> javaClass;

    ScalarType(String kqlName, Class<?> javaClass) {
        this.kqlName = kqlName;
        this.javaClass = javaClass;
    }

    /** The canonical Kusto name, as {@code getschema} prints it. */
    public String kqlName() {
        return kqlName;
    }

    /** The Java class of a non-null value of this type. */
    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == REAL || this == DECIMAL;
    }

    /** Looks a type up by any of its Kusto spellings ({@code boolean}, {@code double}, {@code date}, ...). */
    public static Optional<ScalarType> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return kqlName;
    }
}
