package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = EgressCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path audit() throws IOException {
        Path log = dir.resolve("audit.log");
        Files.writeString(log, String.join("\n",
                "type=SYSCALL msg=audit(1795869605.402:8804): arch=c000003e syscall=59 success=yes exit=0 ppid=30100 pid=30102 uid=1001 comm=\"curl\" exe=\"/usr/bin/curl\"",
                "type=EXECVE msg=audit(1795869605.402:8804): argc=3 a0=\"curl\" a1=\"-T\" a2=\"ftp://127.0.0.1/x\"",
                "type=BROKEN msg=audit(oops",
                ""));
        return log;
    }

    @Test
    void printsOneJsonObjectPerFile() throws IOException {
        Path log = audit();
        Run run = run("inspect", "--output", "jsonl", log.toString());
        assertThat(run.exit()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode node = new ObjectMapper().readTree(lines[0]);
        assertThat(node.path("path").asText()).isEqualTo(log.toString());
        assertThat(node.path("format").asText()).isEqualTo("auditd");
        assertThat(node.path("records").asLong()).isEqualTo(1);
        assertThat(node.path("malformed").asLong()).isEqualTo(1);
        assertThat(node.path("rowsPerTable").path("DeviceProcessEvents").asLong()).isEqualTo(1);
        assertThat(node.path("rowsPerTable").path("AuditdEvent").asLong()).isEqualTo(1);
        assertThat(node.path("firstTime").asText()).isEqualTo("2026-11-28T12:40:05.4020000Z");
        assertThat(node.path("lastTime").asText()).isEqualTo("2026-11-28T12:40:05.4020000Z");
        assertThat(node.path("problems").get(0).path("line").asLong()).isEqualTo(3);
    }

    @Test
    void printsATableWithProblemLocations() throws IOException {
        Path log = audit();
        Run run = run("inspect", log.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PATH", "FORMAT", "auditd", "rows: AuditdEvent=1 DeviceProcessEvents=1",
                log + ":3: ", "1 file(s), 1 record(s), 1 malformed");
    }

    @Test
    void strictStopsWithAClearMessage() throws IOException {
        Path log = audit();
        Run run = run("inspect", "--strict", log.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("stopped at " + log + ":3:", "hint:");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void missingFilesAreReportedNotThrown() {
        Run run = run("inspect", dir.resolve("nope.json").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("unreadable", "no such file");
    }
}
