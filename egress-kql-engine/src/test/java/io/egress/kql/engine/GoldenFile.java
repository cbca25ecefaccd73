package io.egress.kql.engine;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.ValueFormat;
import io.egress.data.io.ValueConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One golden query test file. Sections start with a line {@code -- name [argument]}:
 * <pre>
 * -- query            the KQL text (several lines)
 * -- now 2024-05-01T12:00:00Z
 * -- table DeviceProcessEvents
 * Name:type | Name:type       header, then one row per line, cells separated by " | "
 * -- expected         header and rows of the result (compared in order)
 * -- errors           expected error diagnostics instead of rows: "CODE line:col" per line
 * </pre>
 * Cells: {@code \|} is a literal bar, {@code \n} a newline, {@code \\} a backslash; {@code null} is null
 * for every type but string (strings are never null in Kusto). Lines starting with {@code #} outside the
 * query are comments.
 */
final class GoldenFile {
    final String name;
    final List<String> lines;
    String query = "";
    Instant now = Instant.parse("2024-05-01T12:00:00Z");
    final Map<String, Table> tables = new LinkedHashMap<>();
    Schema expectedSchema;
    List<String[]> expectedRows;
    List<String> expectedErrors;
    int expectedStart = -1;
    int expectedEnd = -1;

    private GoldenFile(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    static GoldenFile parse(String name, String text) {
        List<String> lines = List.of(text.split("\r?\n", -1));
        GoldenFile g = new GoldenFile(name, lines);
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("-- ")) {
                i++;
                continue;
            }
            String[] head = line.substring(3).strip().split("\\s+", 2);
            String section = head[0];
            String arg = head.length > 1 ? head[1] : "";
            int start = ++i;
            while (i < lines.size() && !lines.get(i).startsWith("-- ")) {
                i++;
            }
            List<String> body = lines.subList(start, i);
            switch (section) {
                case "query" -> g.query = String.join("\n", body).strip();
                case "now" -> g.now = Instant.parse(arg.strip());
                case "table" -> g.tables.put(arg.strip(), table(content(body)));
                case "expected" -> {
                    List<String> c = content(body);
                    if (!c.isEmpty()) {
                        g.expectedSchema = Schema.parse(c.get(0).replace(" | ", ", "));
                        g.expectedRows = new ArrayList<>();
                        for (String row : c.subList(1, c.size())) {
                            g.expectedRows.add(cells(row));
                        }
                    }
                    g.expectedStart = start;
                    g.expectedEnd = i;
                }
                case "errors" -> g.expectedErrors = content(body);
                default -> throw new IllegalArgumentException(name + ": unknown section '" + section + "'");
            }
        }
        return g;
    }

    private static List<String> content(List<String> body) {
        List<String> out = new ArrayList<>();
        for (String l : body) {
            if (!l.isBlank() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    static Table table(List<String> content) {
        Schema schema = Schema.parse(content.get(0).replace(" | ", ", "));
        List<Object[]> rows = new ArrayList<>();
        for (String line : content.subList(1, content.size())) {
            String[] cells = cells(line);
            if (cells.length != schema.size()) {
                throw new IllegalArgumentException("row has " + cells.length + " cells, header " + schema.size() + ": " + line);
            }
            Object[] row = new Object[cells.length];
            for (int c = 0; c < cells.length; c++) {
                ScalarType type = schema.column(c).type();
                try {
                    row[c] = type != ScalarType.STRING && cells[c].equals("null") ? null
                            : ValueConverter.fromText(cells[c], type);
                } catch (ValueConverter.BadValue e) {
                    throw new IllegalArgumentException(e.getMessage() + " in: " + line);
                }
            }
            rows.add(row);
        }
        return Table.of(schema, rows);
    }

    static String[] cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                cur.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else if (ch == '|' && i > 0 && line.charAt(i - 1) == ' ' && i + 1 < line.length()
                    && line.charAt(i + 1) == ' ') {
                out.add(cur.substring(0, cur.length() - 1));
                cur.setLength(0);
                i++;
            } else if (ch == '|' && i + 1 == line.length() && i > 0 && line.charAt(i - 1) == ' ') {
                out.add(cur.substring(0, cur.length() - 1));
                cur.setLength(0);
                out.add("");
                return out.toArray(String[]::new);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }

    /** A value as a golden cell. */
    static String render(Object value, ScalarType type) {
        if (value == null) {
            return type == ScalarType.STRING ? "" : "null";
        }
        String s = ValueFormat.toKqlString(value);
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\t", "\\t");
    }

    static String header(Schema schema) {
        List<String> parts = new ArrayList<>();
        for (Column c : schema.columns()) {
            parts.add(c.name() + ":" + c.type().kqlName());
        }
        return String.join(" | ", parts);
    }

    static List<String> renderRows(Table table) {
        List<String> out = new ArrayList<>();
        for (Object[] row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.length; c++) {
                cells.add(render(row[c], table.schema().column(c).type()));
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }
}
