package io.egress.bench.sql;

import io.egress.data.Column;
import io.egress.data.Schema;
import java.nio.file.Path;

/** DuckDB relations over Defender JSON lines: {@code read_json} with the schema's columns and types. */
public final class DuckDbSources {
    private DuckDbSources() {
    }

    /** {@code read_json('file', format='newline_delimited', columns={...})} with every schema column typed. */
    public static String readJson(Path file, Schema schema) {
        StringBuilder columns = new StringBuilder("{");
        for (int i = 0; i < schema.size(); i++) {
            Column column = schema.column(i);
            if (i > 0) {
                columns.append(", ");
            }
            columns.append(KustoTerms.sqlString(column.name())).append(": ").append(KustoTerms.sqlString(duckType(column)));
        }
        columns.append('}');
        return "read_json(" + KustoTerms.sqlString(file.toAbsolutePath().toString())
                + ", format='newline_delimited', records=true, columns=" + columns + ")";
    }

    /** The DuckDB type holding a Kusto column. */
    public static String duckType(Column column) {
        return switch (column.type()) {
            case BOOL -> "BOOLEAN";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case REAL -> "DOUBLE";
            case DECIMAL -> "DECIMAL(38,10)";
            case STRING -> "VARCHAR";
            case DATETIME -> "TIMESTAMP";
            case TIMESPAN -> "INTERVAL";
            case GUID -> "UUID";
            case DYNAMIC -> "JSON";
        };
    }
}
