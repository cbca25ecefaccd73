package io.egress.bench.gen;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.egress.data.Schema;
import io.egress.data.ValueFormat;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes rows as JSON lines, one object per row with every schema column in schema order, the way an
 * Advanced Hunting export looks: datetimes as ISO-8601 UTC text with a 7-digit fraction, numbers and
 * booleans as JSON numbers and booleans, null for a missing non-string value.
 */
public final class JsonLinesWriter implements Closeable {
    private final Schema schema;
    private final SerializedString[] names;
    private final JsonGenerator json;

    public JsonLinesWriter(Path file, Schema schema) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), schema);
    }

    public JsonLinesWriter(OutputStream out, Schema schema) throws IOException {
        this.schema = schema;
        this.names = new SerializedString[schema.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(schema.column(i).name());
        }
        this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(new SerializedString("\n"));
    }

    public void write(Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeFieldName(names[i]);
            Object value = row[i];
            if (value == null) {
                json.writeNull();
            } else if (value instanceof String s) {
                json.writeString(s);
            } else if (value instanceof Instant t) {
                json.writeString(ValueFormat.datetime(t));
            } else if (value instanceof Long l) {
                json.writeNumber(l);
            } else if (value instanceof Integer n) {
                json.writeNumber(n);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                throw new IllegalArgumentException("cannot write " + value.getClass() + " for " + schema.column(i));
            }
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.writeRaw('\n');
        json.close();
    }
}
