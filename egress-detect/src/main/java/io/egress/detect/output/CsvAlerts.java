package io.egress.detect.output;

import io.egress.data.ValueFormat;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.MatchedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Alerts as CSV (RFC 4180), one row per alert; nested fields are flattened or JSON-encoded. */
public final class CsvAlerts {
    public static final List<String> HEADER = List.of("time", "firstTime", "lastTime", "count", "severity", "confidence",
            "ruleId", "ruleName", "branch", "host", "account", "process", "commandLine", "remoteIp", "remotePort", "url",
            "customDetails", "matched");

    private CsvAlerts() {
    }

    public static String header() {
        return String.join(",", HEADER);
    }

    public static String row(Alert a) {
        Map<String, Object> e = a.entities().toMap();
        List<String> cells = new ArrayList<>();
        cells.add(time(a.time()));
        cells.add(time(a.firstTime()));
        cells.add(time(a.lastTime()));
        cells.add(String.valueOf(a.count()));
        cells.add(a.severity().display());
        cells.add(a.confidence());
        cells.add(a.ruleId());
        cells.add(a.ruleName());
        cells.add(a.branch() == null ? "" : a.branch());
        for (String key : List.of("host", "account", "process", "commandLine", "remoteIp", "remotePort", "url")) {
            cells.add(e.containsKey(key) ? ValueFormat.toKqlString(e.get(key)) : "");
        }
        cells.add(a.customDetails().isEmpty() ? "" : AlertJson.map(a.customDetails()).toString());
        cells.add(a.matched().stream().map(CsvAlerts::matched).distinct().collect(Collectors.joining("; ")));
        return cells.stream().map(CsvAlerts::quote).collect(Collectors.joining(","));
    }

    private static String matched(MatchedPattern m) {
        return m.field() + " " + m.operator() + " " + m.pattern() + " @" + m.start() + "-" + m.end();
    }

    private static String time(java.time.Instant t) {
        return t == null ? "" : ValueFormat.datetime(t);
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
