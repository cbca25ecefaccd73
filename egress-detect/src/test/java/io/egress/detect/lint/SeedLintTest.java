package io.egress.detect.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import io.egress.detect.TestRules;
import io.egress.detect.rule.RuleProblem;
import io.egress.detect.rule.RuleSet;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.run.RuleCompiler;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.syntax.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published seed text stays a lint case: its seven bare list literals are KQL110 errors; the bundled rule fixes exactly those. */
class SeedLintTest {
    @TempDir
    Path dir;

    @Test
    void publishedSeedHasSevenBareListErrors() throws IOException {
        Optional<Path> seed = SharedData.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared/seed is absent");
        String text = Files.readString(seed.get());
        Compilation compilation = new KqlEngine().compile(text, Catalog.defender());
        List<Diagnostic> errors = compilation.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors).hasSize(7).allSatisfy(d -> {
            assertThat(d.code()).isEqualTo("KQL110");
            assertThat(text.substring(d.span().start(), d.span().start() + 2)).isEqualTo("[\"");
        });
        // Applying the seven fixes gives the bundled rule's query.
        assertThat(Diagnostic.applyFixes(text, errors).strip()).isEqualTo(TestRules.seedRule().query().strip());
    }

    @Test
    void seedAsARuleFileIsReportedAtFileLineAndColumnAndOtherRulesStillRun() throws IOException {
        Optional<Path> seed = SharedData.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared/seed is absent");
        Files.copy(seed.get(), dir.resolve("seed.kql"));
        Files.writeString(dir.resolve("ok.kql"), "// @id ok\nDeviceProcessEvents | where FileName =~ \"ftp.exe\"\n");
        RuleSet rules = new RuleLoader().load(List.of(dir));
        RuleCompiler.Result compiled = new RuleCompiler(new KqlEngine(), Catalog.defender()).compile(rules.rules());
        assertThat(compiled.rules()).extracting(r -> r.rule().id()).containsExactly("ok");
        assertThat(compiled.problems()).extracting(RuleProblem::headline).first().asString()
                .startsWith(dir.resolve("seed.kql") + ":10:68: error KQL110:");
        assertThat(compiled.problems()).hasSize(7);
    }
}
