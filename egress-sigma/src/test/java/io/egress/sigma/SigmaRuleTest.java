package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.sigma.model.SigmaRule;
import io.egress.sigma.parse.SigmaReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule metadata, document kinds (correlation, filter), multi-document files and unreadable YAML. */
class SigmaRuleTest {
    private static final String RULE = """
            title: Upload with curl
            id: 11111111-2222-4333-8444-555555555555
            status: experimental
            description: test rule
            references:
                - https://attack.mitre.org/techniques/T1048/003/
            author: Someone
            date: 2026-11-28
            tags:
                - attack.exfiltration
                - attack.command_and_control
                - attack.t1048.003
                - attack.t1071
                - attack.g0032
            logsource:
                product: windows
                category: process_creation
            detection:
                selection:
                    Image|endswith: '\\curl.exe'
                condition: selection
            falsepositives:
                - Admins
            level: high
            """;

    @Test
    void metadataIsKept() {
        SigmaConversion conversion = new SigmaCompiler().compile(RULE, "curl.yml");
        SigmaRule rule = conversion.rule();
        assertThat(conversion.status()).isEqualTo(Status.OK);
        assertThat(rule.id()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(rule.title()).isEqualTo("Upload with curl");
        assertThat(rule.level()).isEqualTo("high");
        assertThat(rule.status()).isEqualTo("experimental");
        assertThat(rule.author()).isEqualTo("Someone");
        assertThat(rule.date()).isEqualTo("2026-11-28");
        assertThat(rule.falsePositives()).containsExactly("Admins");
        assertThat(rule.references()).containsExactly("https://attack.mitre.org/techniques/T1048/003/");
        assertThat(rule.techniques()).containsExactly("T1048.003", "T1071");
        assertThat(rule.tactics()).containsExactly("exfiltration", "command-and-control");
        assertThat(rule.logSource().category()).isEqualTo("process_creation");
        assertThat(rule.source()).isEqualTo("curl.yml");
    }

    @Test
    void correlationRulesLoadAndAreUnsupported() {
        String yaml = RULE + """
                ---
                title: Many uploads
                id: 22222222-2222-4333-8444-555555555555
                correlation:
                    type: event_count
                    rules:
                        - 11111111-2222-4333-8444-555555555555
                    group-by:
                        - User
                    timespan: 1h
                    condition:
                        gte: 10
                level: high
                """;
        List<SigmaConversion> conversions = new SigmaCompiler().compileAll(yaml, "pair.yml");
        assertThat(conversions).hasSize(2);
        assertThat(conversions.get(0).status()).isEqualTo(Status.OK);
        assertThat(conversions.get(1).status()).isEqualTo(Status.UNSUPPORTED);
        assertThat(conversions.get(1).reason()).isEqualTo("correlation rules are not yet supported: event_count over "
                + "11111111-2222-4333-8444-555555555555 grouped by User within 1h");
        assertThat(conversions.get(1).rule().kind()).isEqualTo(SigmaRule.Kind.CORRELATION);
        assertThat(conversions.get(1).rule().title()).isEqualTo("Many uploads");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "event_count|unsupported|correlation rules are not yet supported: event_count over base within 5m",
        "value_count|unsupported|correlation rules are not yet supported: value_count over base within 5m",
        "temporal|unsupported|correlation rules are not yet supported: temporal over base within 5m",
        "temporal_ordered|unsupported|correlation rules are not yet supported: temporal_ordered over base within 5m",
        "value_sum|unsupported|correlation rules are not yet supported: value_sum over base within 5m",
        "events_per_second|invalid|unknown correlation type `events_per_second`",
    })
    void everyCorrelationTypeLoadsWithAReason(String type, String status, String reason) {
        String yaml = """
                title: Correlated
                correlation:
                    type: %s
                    rules: base
                    timespan: 5m
                    condition:
                        gte: 3
                """.formatted(type);
        SigmaConversion conversion = new SigmaCompiler().compile(yaml, "c.yml");
        assertThat(conversion.status().word()).isEqualTo(status);
        assertThat(conversion.reason()).startsWith(reason);
        assertThat(conversion.rule().kind()).isEqualTo(SigmaRule.Kind.CORRELATION);
    }

    @Test
    void filtersExcludeWhatTheyMatch() {
        String filter = """
                title: Build server uploads
                logsource:
                    product: windows
                    category: process_creation
                filter:
                    rules:
                        - 11111111-2222-4333-8444-555555555555
                    selection:
                        CommandLine|contains: 'artifacts.internal'
                    condition: selection
                """;
        List<SigmaRule> filters = SigmaReader.read(filter, "filter.yml").stream().map(l -> l.rule()).toList();
        assertThat(filters.get(0).kind()).isEqualTo(SigmaRule.Kind.FILTER);
        SigmaConversion conversion = new SigmaCompiler().withFilters(filters).compile(RULE, "curl.yml");
        assertThat(conversion.kql()).isEqualTo("""
                DeviceProcessEvents
                | where FolderPath endswith @"\\curl.exe"
                | where not(ProcessCommandLine contains "artifacts.internal")""");
        assertThat(new SigmaCompiler().compile(filter, "filter.yml").status()).isEqualTo(Status.UNSUPPORTED);
    }

    @Test
    void brokenYamlIsInvalidWithALocation() {
        SigmaConversion conversion = new SigmaCompiler().compile("title: x\ndetection: [a\n", "bad.yml");
        assertThat(conversion.status()).isEqualTo(Status.INVALID);
        assertThat(conversion.reason()).startsWith("YAML: ").contains("line ");
        assertThat(conversion.rule().source()).isEqualTo("bad.yml");
    }

    @Test
    void missingSectionsAreInvalid() {
        assertThat(new SigmaCompiler().compile("title: x\nlogsource:\n  product: windows\n", "x.yml").reason())
                .contains("no `detection`");
        assertThat(new SigmaCompiler().compile("title: x\ndetection:\n  a:\n    b: c\n  condition: a\n", "x.yml").reason())
                .contains("no `logsource`");
    }
}
