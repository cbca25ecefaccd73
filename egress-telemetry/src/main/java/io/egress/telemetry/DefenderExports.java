package io.egress.telemetry;

import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ReadProblem;
import io.egress.data.io.ReadResult;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.normalize.Values;
import io.egress.telemetry.read.TextSniff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Defender Advanced Hunting exports (JSON lines, JSON array, API response, CSV), read with the engine's
 * {@link AdvancedHuntingReader} and routed straight to their table: by a {@code Type} column when the
 * export has one (Sentinel), else by the Defender table whose columns the export's header matches best.
 */
final class DefenderExports {
    static final String FORMAT = "defender";

    /** Rows read per table, and the problems met. */
    record Loaded(Map<String, List<Object[]>> rows, List<Malformed> problems, String layout) {
    }

    private DefenderExports() {
    }

    /** Whether the head looks like Advanced Hunting rows: Defender column names, none of the Windows event keys. */
    static boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        char first = TextSniff.firstSignificant(text);
        if (first == '{' || first == '[') {
            if (text.contains("\"Results\"") && text.contains("\"Schema\"")) {
                return true;
            }
            return text.contains("\"DeviceName\"") && text.contains("\"ActionType\"") && text.contains("\"Timestamp\"")
                    && !text.contains("\"EventID\"") && !text.contains("\"winlog\"") && !text.contains("\"SyslogMessage\"");
        }
        int newline = text.indexOf('\n');
        String header = (newline < 0 ? text : text.substring(0, newline)).replace("\"", "");
        List<String> names = List.of(header.strip().split("\\s*,\\s*"));
        return names.contains("Timestamp") && names.contains("DeviceName") && names.contains("ActionType");
    }

    static Loaded read(InputStream in, String name) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        ReadResult result = AdvancedHuntingReader.read(text, name, null);
        List<Malformed> problems = new ArrayList<>();
        for (ReadProblem problem : result.problems()) {
            problems.add(new Malformed(SourceLocation.line(name, problem.line()), problem.reason()));
        }
        Table table = result.table();
        Schema inferred = table.schema();
        int typeColumn = inferred.indexOf("Type");
        String guess = bestTable(inferred);
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        for (Object[] row : table.rows()) {
            String target = guess;
            if (typeColumn >= 0 && row[typeColumn] != null) {
                String type = Values.text(row[typeColumn]);
                if (DefenderSchemas.schema(type).isPresent()) {
                    target = type;
                }
            }
            String chosen = target;
            rows.computeIfAbsent(chosen, t -> new ArrayList<>())
                    .add(convert(row, inferred, DefenderSchemas.schema(chosen).orElseThrow(), chosen));
        }
        return new Loaded(rows, problems, result.format().name().toLowerCase(Locale.ROOT));
    }

    /** The Defender table sharing the most columns with the export (columns it lacks count against it). */
    static String bestTable(Schema columns) {
        String best = DefenderSchemas.TABLES.get(0);
        int bestScore = Integer.MIN_VALUE;
        for (String table : DefenderSchemas.TABLES) {
            Schema schema = DefenderSchemas.schema(table).orElseThrow();
            int score = 0;
            for (String column : columns.names()) {
                score += schema.indexOf(column) >= 0 ? 1 : -3;
            }
            if (score > bestScore) {
                bestScore = score;
                best = table;
            }
        }
        return best;
    }

    private static Object[] convert(Object[] row, Schema from, Schema to, String table) {
        Object[] out = new Object[to.size()];
        for (int i = 0; i < to.size(); i++) {
            int source = from.indexOf(to.column(i).name());
            Object value = source < 0 ? null : row[source];
            out[i] = Values.convert(value instanceof com.fasterxml.jackson.databind.JsonNode node && node.isTextual()
                    ? node.textValue() : value, to.column(i).type());
        }
        int timestamp = to.indexOf("Timestamp");
        int generated = to.indexOf("TimeGenerated");
        if (generated >= 0 && out[generated] == null && timestamp >= 0) {
            out[generated] = out[timestamp];
        }
        int type = to.indexOf("Type");
        if (type >= 0 && Values.missing(out[type])) {
            out[type] = table;
        }
        return out;
    }
}
