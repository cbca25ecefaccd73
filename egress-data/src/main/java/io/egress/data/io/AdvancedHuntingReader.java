package io.egress.data.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a file of Advanced Hunting rows into a {@link Table}: JSON lines, a JSON array of objects, the
 * API response ({@code Schema} + {@code Results}), or CSV with a header. The format is detected from the
 * content. With an expected schema, values are converted to its column types, absent columns are null
 * and extra columns are dropped; without one, columns appear in order of first appearance with
 * inferred types. Malformed rows and values are collected as {@link ReadProblem}s, never thrown.
 */
public final class AdvancedHuntingReader {
    private AdvancedHuntingReader() {
    }

    /** Reads a file; an I/O failure (missing file) is thrown, bad content is reported in the result. */
    public static ReadResult read(Path file, Schema expected) throws IOException {
        Objects.requireNonNull(file, "file");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return read(text, file.toString(), expected);
    }

    /** Reads text; {@code expected} may be null (infer the schema). */
    public static ReadResult read(String text, String sourceName, Schema expected) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        Collector collector = new Collector(sourceName, expected);
        ExportFormat format;
        if (trimmed.startsWith("[")) {
            format = ExportFormat.JSON_ARRAY;
            readJsonArray(text, collector);
        } else if (trimmed.startsWith("{")) {
            if (looksLikeApiResponse(text)) {
                format = ExportFormat.API_RESPONSE;
                readApiResponse(text, collector);
            } else {
                format = ExportFormat.JSON_LINES;
                readJsonLines(text, collector);
            }
        } else {
            format = ExportFormat.CSV;
            readCsv(text, collector);
        }
        return new ReadResult(collector.toTable(), format, collector.problems);
    }

    private static boolean looksLikeApiResponse(String text) {
        try (JsonParser parser = ValueConverter.JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (name.equals("Results") || name.equals("Schema")) {
                    return parser.nextToken() == JsonToken.START_ARRAY;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void readJsonLines(String text, Collector out) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = ValueConverter.JSON.readTree(line);
                out.addJsonRow(node, i + 1);
            } catch (JsonProcessingException e) {
                out.problem(i + 1, "not a JSON object: " + e.getOriginalMessage());
            }
        }
    }

    private static void readJsonArray(String text, Collector out) {
        try (JsonParser parser = ValueConverter.JSON.getFactory().createParser(text)) {
            parser.nextToken();
            readArrayElements(parser, out);
        } catch (IOException e) {
            out.problem(lineOf(e), "malformed JSON: " + message(e));
        }
    }

    private static void readArrayElements(JsonParser parser, Collector out) throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return;
            }
            long line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            out.addJsonRow(node, line);
        }
    }

    private static void readApiResponse(String text, Collector out) {
        try (JsonParser parser = ValueConverter.JSON.getFactory().createParser(text)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("Schema") && value == JsonToken.START_ARRAY) {
                    JsonNode schema = parser.readValueAsTree();
                    out.declare(schema, parser.currentLocation().getLineNr());
                } else if (name.equals("Results") && value == JsonToken.START_ARRAY) {
                    readArrayElements(parser, out);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            out.problem(lineOf(e), "malformed JSON: " + message(e));
        }
    }

    private static void readCsv(String text, Collector out) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(text)) {
            String[] header = null;
            while (true) {
                long line;
                String[] cells;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    cells = rows.nextValue();
                    line = rows.getParser().currentTokenLocation().getLineNr();
                } catch (RuntimeException | IOException e) {
                    out.problem(lineOf(e), "malformed CSV: " + message(e));
                    break;
                }
                if (header == null) {
                    header = cells;
                    for (int i = 0; i < header.length; i++) {
                        header[i] = header[i].strip();
                    }
                    continue;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length != header.length) {
                    out.problem(line, "row has " + cells.length + " cells but the header has " + header.length);
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                out.addTextRow(row, line);
            }
        } catch (IOException e) {
            out.problem(lineOf(e), "malformed CSV: " + message(e));
        }
    }

    private static long lineOf(Exception e) {
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation loc = jpe.getLocation();
            return loc.getLineNr();
        }
        return 0;
    }

    private static String message(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage();
        }
        return String.valueOf(e.getMessage());
    }

    /** The type an Advanced Hunting API schema entry names ({@code DateTime}, {@code Int64}, ...). */
    static ScalarType apiType(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("system.", "");
        return switch (n) {
            case "datetime", "date" -> ScalarType.DATETIME;
            case "int64", "long" -> ScalarType.LONG;
            case "int32", "int", "int16", "sbyte", "byte" -> ScalarType.INT;
            case "boolean", "bool" -> ScalarType.BOOL;
            case "double", "real", "single", "float" -> ScalarType.REAL;
            case "decimal" -> ScalarType.DECIMAL;
            case "timespan", "time" -> ScalarType.TIMESPAN;
            case "guid", "uniqueid" -> ScalarType.GUID;
            case "object", "dynamic" -> ScalarType.DYNAMIC;
            default -> ScalarType.STRING;
        };
    }

    /** Accumulates rows against the expected schema, or infers one. */
    private static final class Collector {
        final String source;
        final Schema expected;
        final List<ReadProblem> problems = new ArrayList<>();
        final Map<String, ScalarType> declared = new LinkedHashMap<>();
        final List<Map<String, Object>> rawRows = new ArrayList<>();
        final List<Object[]> rows = new ArrayList<>();

        Collector(String source, Schema expected) {
            this.source = source;
            this.expected = expected;
        }

        void problem(long line, String reason) {
            problems.add(new ReadProblem(source, line, reason));
        }

        void declare(JsonNode schema, long line) {
            for (JsonNode col : schema) {
                String name = col.path("Name").asText("");
                if (name.isEmpty()) {
                    problem(line, "schema entry without a Name: " + col);
                    continue;
                }
                declared.put(name, apiType(col.path("Type").asText("string")));
            }
        }

        void addJsonRow(JsonNode node, long line) {
            if (node.isArray() && !declared.isEmpty()) {
                Map<String, Object> named = new LinkedHashMap<>();
                int i = 0;
                for (String name : declared.keySet()) {
                    named.put(name, node.get(i++));
                }
                add(named, line);
                return;
            }
            if (!node.isObject()) {
                problem(line, "expected a JSON object but found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
                return;
            }
            Map<String, Object> named = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue()));
            add(named, line);
        }

        void addTextRow(Map<String, String> row, long line) {
            add(new LinkedHashMap<>(row), line);
        }

        private void add(Map<String, Object> named, long line) {
            Schema target = expected;
            if (target == null && !declared.isEmpty()) {
                List<Column> cols = new ArrayList<>();
                declared.forEach((n, t) -> cols.add(new Column(n, t)));
                target = new Schema(cols);
            }
            if (target == null) {
                named.put("\u0000line", line);
                rawRows.add(named);
                return;
            }
            Object[] row = new Object[target.size()];
            List<String> bad = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                Column col = target.column(i);
                Object raw = named.get(col.name());
                try {
                    row[i] = convert(raw, col.type());
                } catch (ValueConverter.BadValue e) {
                    bad.add("column " + col.name() + ": " + e.getMessage());
                    row[i] = ValueConverter.nullOf(col.type());
                }
            }
            for (String reason : bad) {
                problem(line, reason + " (value set to null)");
            }
            rows.add(row);
        }

        Table toTable() {
            if (expected != null) {
                return Table.of(expected, rows);
            }
            if (!declared.isEmpty()) {
                List<Column> cols = new ArrayList<>();
                declared.forEach((n, t) -> cols.add(new Column(n, t)));
                return Table.of(new Schema(cols), rows);
            }
            return inferred();
        }

        /** Without a schema: columns by first appearance, each typed by what all its values fit. */
        private Table inferred() {
            Map<String, ScalarType> types = new LinkedHashMap<>();
            for (Map<String, Object> row : rawRows) {
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    if (e.getKey().equals("\u0000line")) {
                        continue;
                    }
                    ScalarType seen = TypeInference.of(e.getValue());
                    types.put(e.getKey(), TypeInference.unify(types.get(e.getKey()), seen));
                }
            }
            List<Column> cols = new ArrayList<>();
            types.forEach((n, t) -> cols.add(new Column(n, t == null ? ScalarType.STRING : t)));
            Schema schema = new Schema(cols);
            List<Object[]> out = new ArrayList<>();
            for (Map<String, Object> named : rawRows) {
                long line = (Long) named.get("\u0000line");
                Object[] row = new Object[schema.size()];
                for (int i = 0; i < schema.size(); i++) {
                    Column col = schema.column(i);
                    try {
                        row[i] = convert(named.get(col.name()), col.type());
                    } catch (ValueConverter.BadValue e) {
                        problem(line, "column " + col.name() + ": " + e.getMessage() + " (value set to null)");
                        row[i] = ValueConverter.nullOf(col.type());
                    }
                }
                out.add(row);
            }
            return Table.of(schema, out);
        }

        private static Object convert(Object raw, ScalarType type) throws ValueConverter.BadValue {
            if (raw == null) {
                return ValueConverter.nullOf(type);
            }
            if (raw instanceof JsonNode node) {
                return ValueConverter.fromJson(node, type);
            }
            return ValueConverter.fromText((String) raw, type);
        }
    }
}
