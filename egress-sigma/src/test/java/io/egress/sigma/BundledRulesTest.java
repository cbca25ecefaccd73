package io.egress.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.parser.KqlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Sigma versions of the T1048.003 detection in {@code rules/T1048.003/sigma} at the repository root. */
class BundledRulesTest {
    static Path folder() {
        String root = System.getProperty("egress.repo.root");
        Path base = root != null ? Path.of(root) : Path.of("..");
        return base.resolve("rules/T1048.003/sigma");
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(folder())) {
            return list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @Test
    void oneRulePerSeedBranchAndAllConvert() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(5);
        SigmaCompiler compiler = new SigmaCompiler();
        for (Path file : files) {
            SigmaConversion conversion = compiler.compile(file);
            assertThat(conversion.reason()).as(file.toString()).isNull();
            assertThat(conversion.status()).isEqualTo(Status.OK);
            assertThat(conversion.rule().id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(conversion.rule().level()).isEqualTo("high");
            assertThat(conversion.rule().tags()).contains("attack.exfiltration", "attack.t1048.003");
            assertThat(conversion.rule().techniques()).containsExactly("T1048.003");
            assertThat(conversion.rule().falsePositives()).isNotEmpty();
            assertThat(KqlParser.parse(conversion.kql()).errors()).as(conversion.kql()).isEmpty();
        }
    }

    @Test
    void tablesMatchTheKqlBranches() throws IOException {
        SigmaCompiler compiler = new SigmaCompiler();
        assertThat(files().stream().map(f -> compiler.compile(f).table()).toList())
                .containsExactly("DeviceNetworkEvents", "DeviceProcessEvents", "DeviceProcessEvents",
                        "DeviceProcessEvents", "DeviceProcessEvents");
    }
}
