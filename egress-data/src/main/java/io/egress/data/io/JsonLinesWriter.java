package io.egress.data.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes one JSON object per row, keys in column order: datetimes as ISO-8601 UTC strings, timespans
 * as Kusto text, dynamic values as JSON, nulls as null.
 */
public final class JsonLinesWriter implements TableWriter {
    @Override
    public void write(Table table, Appendable out) throws IOException {
        Schema schema = table.schema();
        for (Object[] row : table.rows()) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < schema.size(); i++) {
                node.set(schema.column(i).name(), toJson(row[i]));
            }
            try {
                out.append(ValueConverter.JSON.writeValueAsString(node)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IOException(e);
            }
        }
    }

    /** The JSON form of one value. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? f.textNode(ValueFormat.real(d)) : f.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof Instant instant) {
            return f.textNode(ValueFormat.datetime(instant));
        }
        if (value instanceof Duration d) {
            return f.textNode(ValueFormat.timespan(d));
        }
        return f.textNode(ValueFormat.toKqlString(value));
    }
}
