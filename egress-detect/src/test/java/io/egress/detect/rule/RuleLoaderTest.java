package io.egress.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleLoaderTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFolderReportsBrokenFilesAndKeepsTheOthers() throws IOException {
        Files.writeString(dir.resolve("good.yaml"), "id: g\nname: Good\nseverity: High\nquery: |\n  DeviceProcessEvents\n");
        Files.writeString(dir.resolve("broken.yaml"), "id: b\nname: Broken\n  severity: : High\nquery: x\n");
        Files.writeString(dir.resolve("plain.kql"), "// @id p\nDeviceNetworkEvents\n");
        Files.writeString(dir.resolve("tuning.yaml"), "exclusions: []\n");
        Files.createDirectories(dir.resolve("scenarios/one"));
        Files.writeString(dir.resolve("scenarios/one/expect.yaml"), "rule: g\n");
        Files.writeString(dir.resolve("scenarios/one/other.yaml"), "not: a rule\n");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        RuleSet set = new RuleLoader().load(List.of(dir));

        assertThat(set.rules()).extracting(Rule::id).containsExactly("g", "p");
        assertThat(set.problems()).singleElement().satisfies(p -> {
            assertThat(p.position().file()).endsWith("broken.yaml");
            assertThat(p.position().line()).isEqualTo(3);
            assertThat(p.code()).isEqualTo("RULE001");
        });
    }

    @Test
    void reportsMissingPathsOtherFilesAndDuplicateIds() throws IOException {
        Files.writeString(dir.resolve("a.kql"), "// @id same\nT\n");
        Files.writeString(dir.resolve("b.kql"), "// @id same\nT\n");
        Files.writeString(dir.resolve("c.txt"), "T\n");
        RuleSet set = new RuleLoader().load(List.of(dir.resolve("a.kql"), dir.resolve("b.kql"), dir.resolve("c.txt"),
                dir.resolve("missing")));
        assertThat(set.rules()).hasSize(1);
        assertThat(set.problems()).extracting(RuleProblem::code).containsExactlyInAnyOrder("RULE006", "RULE006", "RULE007");
    }

    @Test
    void bundledPackLoadsFromTheClasspath() {
        RuleSet set = new RuleLoader().bundled();
        assertThat(set.problems()).isEmpty();
        assertThat(set.rules()).extracting(Rule::id).startsWith(TestRules.SEED_ID).containsAll(TestRules.V2_IDS)
                .hasSize(1 + TestRules.V2_IDS.size());
        assertThat(set.rules().get(0).file()).isEqualTo("(bundled) rules/" + TestRules.SEED_RULE);
        assertThat(set.rules()).filteredOn(r -> TestRules.V2_IDS.contains(r.id()))
                .allSatisfy(r -> assertThat(r.file()).startsWith("(bundled) rules/T1048.003-v2/"));
    }

    @Test
    void packIndexListsEveryRuleAndTuningFileOfTheRulesFolder() throws IOException {
        Path rules = Path.of(System.getProperty("egress.repo.root", "..")).resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            List<String> onDisk = walk.filter(Files::isRegularFile)
                    .map(p -> rules.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> RuleLoader.kindOf(p) != null && !p.contains("scenarios/") && !p.contains("sigma/"))
                    .sorted().toList();
            assertThat(RuleLoader.bundledFiles().stream().sorted().toList()).isEqualTo(onDisk);
        }
    }

    @Test
    void sigmaRulesCompileThroughEgressSigma() throws IOException {
        Files.writeString(dir.resolve("sigma.yml"), """
                title: Curl Upload
                id: 11111111-2222-3333-4444-555555555555
                level: high
                tags: [attack.exfiltration, attack.t1048.003, attack.command_and_control]
                logsource: {category: process_creation, product: windows}
                detection:
                  selection:
                    Image|endswith: '\\curl.exe'
                    CommandLine|contains: '--upload-file'
                  condition: selection
                """);
        RuleSet set = new RuleLoader().load(List.of(dir));
        assertThat(set.problems()).isEmpty();
        Rule rule = set.rules().get(0);
        assertThat(rule.id()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(rule.name()).isEqualTo("Curl Upload");
        assertThat(rule.severity()).isEqualTo(Severity.HIGH);
        assertThat(rule.tactics()).containsExactly("Exfiltration", "CommandAndControl");
        assertThat(rule.techniques()).containsExactly("T1048.003");
        assertThat(rule.query()).contains("DeviceProcessEvents");
    }
}
