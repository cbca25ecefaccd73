package io.egress.detect.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.rule.RuleLoader;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.rule.RuleSet;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.KqlEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCompilerTest {
    @TempDir
    Path dir;

    @Test
    void badKqlInAYamlRuleIsReportedAtTheFilesLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                id: bad
                name: Bad
                severity: Low
                query: |
                  DeviceProcessEvents
                  | where Filename == "ftp.exe"
                """);
        Files.writeString(dir.resolve("good.yaml"), "id: good\nname: Good\nseverity: Low\nquery: |\n  DeviceProcessEvents\n");
        RuleSet rules = new RuleLoader().load(List.of(dir));
        RuleCompiler.Result result = new RuleCompiler(new KqlEngine(), Catalog.defender()).compile(rules.rules());
        assertThat(result.rules()).extracting(r -> r.rule().id()).containsExactly("good");
        RuleProblem problem = result.problems().get(0);
        assertThat(problem.position().line()).isEqualTo(6);
        assertThat(problem.position().column()).isEqualTo(11);
        assertThat(problem.line()).isEqualTo("  | where Filename == \"ftp.exe\"");
        assertThat(problem.message()).contains("Filename");
        assertThat(problem.hint()).contains("FileName");
    }
}
