package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code egress query PATH...} loads telemetry through the telemetry loader (format found from content). */
class QueryTelemetryTest {
    @TempDir
    Path dir;

    @Test
    void queriesNormalizedAndRawTablesOfAGzippedAuditLog() throws IOException {
        Path log = dir.resolve("host1-audit");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log))) {
            out.write(String.join("\n",
                    "type=SYSCALL msg=audit(1795869605.402:8804): arch=c000003e syscall=59 success=yes exit=0 ppid=30100 pid=30102 uid=1001 comm=\"curl\" exe=\"/usr/bin/curl\"",
                    "type=EXECVE msg=audit(1795869605.402:8804): argc=4 a0=\"curl\" a1=\"--upload-file\" a2=\"/tmp/x.tgz\" a3=\"ftp://127.0.0.1/x.tgz\"",
                    "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        CliRun run = CliRun.of("query", "-o", "jsonl", "--now", "2026-11-28T13:00:00Z", "-q",
                "DeviceProcessEvents | where ProcessCommandLine has 'ftp://' | project FileName, ProcessCommandLine, ProcessId", log.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(
                "{\"FileName\":\"curl\",\"ProcessCommandLine\":\"curl --upload-file /tmp/x.tgz ftp://127.0.0.1/x.tgz\",\"ProcessId\":30102}");

        CliRun raw = CliRun.of("query", "-o", "jsonl", "-q", "AuditdEvent | project Syscall, Exe, Pid", log.toString());
        assertThat(raw.exitCode()).isZero();
        assertThat(raw.out().strip()).isEqualTo("{\"Syscall\":\"execve\",\"Exe\":\"/usr/bin/curl\",\"Pid\":30102}");
    }

    @Test
    void unrecognisedFilesStillGiveAClearError() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "just words\n");
        CliRun run = CliRun.of("query", "-q", "DeviceProcessEvents | count", text.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no reader recognises").doesNotContain("Exception");
    }
}
