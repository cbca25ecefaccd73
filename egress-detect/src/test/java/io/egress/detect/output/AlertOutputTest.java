package io.egress.detect.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.detect.alert.Alert;
import io.egress.detect.alert.Entities;
import io.egress.detect.alert.MatchedPattern;
import io.egress.detect.rule.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertOutputTest {
    private static final String CMD = "curl.exe --upload-file C:\\t\\x.txt http://127.0.0.1:8080/upload";

    static Alert alert() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("Timestamp", Instant.parse("2026-11-20T10:05:00.1234567Z"));
        evidence.put("DeviceName", "ws01");
        evidence.put("RemotePort", null);
        evidence.put("ExfilMethod", "HTTP_Upload");
        return new Alert("rule-1", "Rule One", "T1048.003 HTTP_Upload exfiltration from ws01", Severity.HIGH, "Medium",
                List.of("Exfiltration"), List.of("T1048.003"), Instant.parse("2026-11-20T10:05:00Z"),
                Instant.parse("2026-11-20T10:05:00Z"), Instant.parse("2026-11-20T11:00:00Z"), 3, "HttpExfil",
                List.of(new MatchedPattern("ProcessCommandLine", "has_any", "--upload-file", 9, 22, "--upload-file")),
                new Entities("ws01", "alice", "curl.exe", CMD, null, null, null),
                Map.of("ExfilMethod", "HTTP_Upload"), evidence);
    }

    @Test
    void jsonlCarriesEveryAlertField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(AlertJson.line(alert()));
        assertThat(json.fieldNames()).toIterable().containsExactly("ruleId", "ruleName", "title", "severity", "confidence",
                "tactics", "techniques", "time", "firstTime", "lastTime", "count", "branch", "explanation", "matched", "entities",
                "customDetails", "evidence");
        assertThat(json.get("severity").asText()).isEqualTo("High");
        assertThat(json.get("confidence").asText()).isEqualTo("Medium");
        assertThat(json.get("tactics").get(0).asText()).isEqualTo("Exfiltration");
        assertThat(json.get("techniques").get(0).asText()).isEqualTo("T1048.003");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-20T10:05:00Z");
        assertThat(json.get("lastTime").asText()).isEqualTo("2026-11-20T11:00:00Z");
        assertThat(json.get("count").asInt()).isEqualTo(3);
        assertThat(json.get("branch").asText()).isEqualTo("HttpExfil");
        assertThat(json.get("explanation").asText()).isEmpty();
        JsonNode m = json.get("matched").get(0);
        assertThat(m.get("pattern").asText()).isEqualTo("--upload-file");
        assertThat(CMD.substring(m.get("start").asInt(), m.get("end").asInt())).isEqualTo("--upload-file");
        assertThat(json.get("entities").fieldNames()).toIterable().containsExactly("host", "account", "process", "commandLine");
        assertThat(json.get("customDetails").get("ExfilMethod").asText()).isEqualTo("HTTP_Upload");
        assertThat(json.get("evidence").get("Timestamp").asText()).isEqualTo("2026-11-20T10:05:00.1234567Z");
        assertThat(json.get("evidence").get("RemotePort").isNull()).isTrue();
    }

    @Test
    void tableFitsTheWidthAndHighlightsOnlyWithColour() {
        List<String> plain = AlertTable.render(List.of(alert()), 60, Style.PLAIN);
        assertThat(plain).hasSize(3).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(60));
        assertThat(plain.get(0)).startsWith("TIME (UTC)");
        assertThat(plain.get(1)).startsWith("2026-11-20 10:05:00  High");
        assertThat(plain.get(2)).doesNotContain("\u001b").startsWith("    curl.exe --upload-file").endsWith("…");
        List<String> colour = AlertTable.render(List.of(alert()), 200, new Style(true));
        assertThat(colour.get(2)).contains("\u001b[1;31m--upload-file\u001b[0m");
    }

    @Test
    void anExplanationBecomesAWhyLineAndAJsonField() throws Exception {
        Alert a = alert();
        Alert explained = new Alert(a.ruleId(), a.ruleName(), a.title(), a.severity(), "High", a.tactics(), a.techniques(),
                a.time(), a.firstTime(), a.lastTime(), a.count(), a.branch(), a.matched(), a.entities(), a.customDetails(),
                a.evidence(), "curl uploaded C:\\t\\x.txt to http://127.0.0.1:8080/upload over unencrypted HTTP_Upload.");
        List<String> lines = AlertTable.render(List.of(explained), 200, Style.PLAIN);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).isEqualTo("    why: curl uploaded C:\\t\\x.txt to http://127.0.0.1:8080/upload over unencrypted HTTP_Upload.");
        assertThat(AlertTable.render(List.of(explained), 60, Style.PLAIN)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
        JsonNode json = new ObjectMapper().readTree(AlertJson.line(explained));
        assertThat(json.get("explanation").asText()).startsWith("curl uploaded C:\\t\\x.txt");
    }

    @Test
    void csvQuotesAndFlattens() {
        String row = CsvAlerts.row(alert());
        assertThat(CsvAlerts.header()).startsWith("time,firstTime,lastTime,count,severity");
        assertThat(row).startsWith("2026-11-20T10:05:00Z,2026-11-20T10:05:00Z,2026-11-20T11:00:00Z,3,High,Medium,rule-1,Rule One,HttpExfil,ws01,alice,curl.exe,");
        assertThat(row).contains("\"{\"\"ExfilMethod\"\":\"\"HTTP_Upload\"\"}\"");
        assertThat(row).endsWith("ProcessCommandLine has_any --upload-file @9-22");
    }
}
