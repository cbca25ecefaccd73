package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SigmaCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = EgressCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String GOOD = """
            title: Curl upload
            id: 11111111-2222-4333-8444-555555555555
            author: Tester
            level: high
            tags: [attack.exfiltration, attack.t1048.003]
            logsource: {product: windows, category: process_creation}
            detection:
                selection:
                    Image|endswith: '\\curl.exe'
                    CommandLine|contains: '--upload-file'
                condition: selection
            """;

    @Test
    void convertPrintsKqlWithAttribution() throws IOException {
        Path rule = write("good.yml", GOOD);
        assertThat(run("sigma", "convert", rule.toString())).isZero();
        assertThat(out.toString()).isEqualTo("""
                // Sigma: Curl upload (11111111-2222-4333-8444-555555555555)
                // Author: Tester
                // Level: high; ATT&CK: T1048.003
                // Source: %s
                DeviceProcessEvents
                | where FolderPath endswith @"\\curl.exe"
                | where ProcessCommandLine contains "--upload-file"
                """.formatted(rule));
    }

    @Test
    void convertReportsRulesItCannotConvert() throws IOException {
        Path rule = write("zeek.yml", GOOD.replace("{product: windows, category: process_creation}", "{product: zeek, service: dns}"));
        assertThat(run("sigma", "convert", rule.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(rule + ": unsupported: no table for log source product: zeek, service: dns: no Egress reader produces it");
    }

    @Test
    void lintPrintsOneLinePerRuleAndASummary() throws IOException {
        write("a_good.yml", GOOD);
        write("b_unsatisfiable.yml", GOOD.replace("Image|endswith", "LogonGuid|endswith"));
        assertThat(run("sigma", "lint", dir.toString())).isZero();
        assertThat(out.toString()).isEqualTo(
                "ok\t" + dir.resolve("a_good.yml") + "\n"
                        + "unsatisfiable\t" + dir.resolve("b_unsatisfiable.yml")
                        + "\tno source provides field `LogonGuid` in DeviceProcessEvents"
                        + " (log source product: windows, category: process_creation)\n"
                        + "2 rules: 1 ok, 0 unsupported, 1 unsatisfiable, 0 invalid (50.0% ok)\n");
    }

    @Test
    void lintExitsNonZeroOnInvalidRules() throws IOException {
        write("broken.yml", GOOD.replace("Image|endswith", "Image|endswiht"));
        assertThat(run("sigma", "lint", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("invalid\t").contains("unknown modifier `endswiht`");
    }

    @Test
    void lintRejectsMissingPaths() {
        assertThat(run("sigma", "lint", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file or folder");
    }
}
