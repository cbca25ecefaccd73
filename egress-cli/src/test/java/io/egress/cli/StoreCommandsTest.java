package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code egress ingest}, {@code query --store} and {@code detect --store} end to end over the bundled samples. */
class StoreCommandsTest {
    static final Path ROOT = Path.of(System.getProperty("egress.repo.root", ".."));
    static final String SAMPLES = ROOT.resolve("samples").toString();
    static final String NOW = "2026-11-20T15:00:00Z";

    @TempDir
    Path dir;

    String ingest() {
        String store = dir.resolve("store").toString();
        CliRun run = CliRun.of("ingest", SAMPLES, "--store", store);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("DeviceProcessEvents: 29 rows").contains("DeviceNetworkEvents: 18 rows");
        return store;
    }

    static List<String> sortedLines(String text) {
        return Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).sorted().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DeviceProcessEvents",
        "DeviceNetworkEvents | project Timestamp, DeviceName, RemoteIP, RemotePort, RemoteIPType",
        "SysmonEvent | summarize n = count() by EventID",
        "union DeviceProcessEvents, DeviceNetworkEvents | where Timestamp > ago(3h) | project Timestamp, DeviceName, FileName",
        "DeviceProcessEvents | where Timestamp > ago(2h) | project Timestamp, FileName, ProcessCommandLine",
        "AuditdEvent | take 100",
        "DeviceProcessEvents | count"})
    void queryOverTheStoreGivesTheRowsOfQueryOverTheFiles(String query) {
        String store = ingest();
        CliRun files = CliRun.of("query", "-q", query, "--now", NOW, "-o", "jsonl", SAMPLES);
        CliRun stored = CliRun.of("query", "-q", query, "--now", NOW, "-o", "jsonl", "--store", store);
        assertThat(files.exitCode()).as(files.err()).isZero();
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(sortedLines(files.out())).isNotEmpty();
        assertThat(sortedLines(stored.out())).isEqualTo(sortedLines(files.out()));
        assertThat(stored.err()).doesNotContain("warning");
    }

    @Test
    void compactAfterRepeatedIngestsKeepsTheAnswers() throws Exception {
        String store = dir.resolve("store").toString();
        for (int i = 0; i < 3; i++) {
            CliRun run = CliRun.of("ingest", SAMPLES, "--store", store, "--max-segment-rows", "7");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        String query = "union DeviceProcessEvents, DeviceNetworkEvents | summarize n = count() by DeviceName, Timestamp";
        CliRun before = CliRun.of("query", "-q", query, "--now", NOW, "-o", "jsonl", "--store", store);
        long segmentsBefore;
        try (Stream<Path> files = Files.walk(Path.of(store))) {
            segmentsBefore = files.filter(p -> p.toString().endsWith(".egseg")).count();
        }
        CliRun compact = CliRun.of("compact", "--store", store);
        assertThat(compact.exitCode()).as(compact.err()).isZero();
        assertThat(compact.out()).contains("segments   " + segmentsBefore + " before");
        long segmentsAfter;
        try (Stream<Path> files = Files.walk(Path.of(store))) {
            segmentsAfter = files.filter(p -> p.toString().endsWith(".egseg")).count();
        }
        assertThat(segmentsAfter).isLessThan(segmentsBefore / 3);
        CliRun after = CliRun.of("query", "-q", query, "--now", NOW, "-o", "jsonl", "--store", store);
        assertThat(sortedLines(after.out())).isNotEmpty().isEqualTo(sortedLines(before.out()));

        CliRun missing = CliRun.of("compact", "--store", store, "--table", "Nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("has no table Nope").doesNotContain("Exception");
        CliRun notAStore = CliRun.of("compact", "--store", dir.resolve("none").toString());
        assertThat(notAStore.exitCode()).isEqualTo(2);
        assertThat(notAStore.err()).contains("is not a store");
    }

    @Test
    void detectOverTheStoreGivesTheAlertsOfDetectOverTheFiles() {
        String store = ingest();
        CliRun files = CliRun.of("detect", SAMPLES, "-o", "jsonl");
        CliRun stored = CliRun.of("detect", "--store", store, "-o", "jsonl");
        assertThat(stored.exitCode()).as(stored.err()).isZero();
        assertThat(sortedLines(stored.out())).hasSizeGreaterThanOrEqualTo(6).isEqualTo(sortedLines(files.out()));
        assertThat(stored.err()).contains("(latest event)").contains("egress-store");
    }

    @Test
    void appendingTwiceDoublesTheRows() {
        String store = ingest();
        CliRun again = CliRun.of("ingest", ROOT.resolve("samples/defender").toString(), "--store", store);
        assertThat(again.exitCode()).as(again.err()).isZero();
        CliRun count = CliRun.of("query", "-q", "DeviceProcessEvents | count", "-o", "csv", "--store", store);
        CliRun once = CliRun.of("query", "-q", "DeviceProcessEvents | count", "-o", "csv",
                ROOT.resolve("samples/defender").toString());
        assertThat(once.exitCode()).as(once.err()).isZero();
        int defender = Integer.parseInt(lastLine(once.out()));
        assertThat(defender).isPositive();
        assertThat(lastLine(count.out())).isEqualTo(String.valueOf(29 + defender));
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Test
    void corruptSegmentIsAWarningNotAStackTrace() throws Exception {
        String store = ingest();
        Path segment;
        try (Stream<Path> files = Files.list(Path.of(store, "DeviceProcessEvents"))) {
            segment = files.sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[20] ^= 0x10; // inside the header: found on open, whatever columns the query reads
        Files.write(segment, bytes);
        CliRun run = CliRun.of("query", "-q", "DeviceProcessEvents | count", "--store", store);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: " + segment).contains("segment skipped").doesNotContain("Exception");
    }

    @Test
    void userMistakesAreMessages() throws Exception {
        CliRun notAStore = CliRun.of("query", "-q", "DeviceProcessEvents", "--store", SAMPLES);
        assertThat(notAStore.exitCode()).isEqualTo(2);
        assertThat(notAStore.err()).contains("is not a store");
        Path folder = dir.resolve("busy");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "x");
        CliRun busy = CliRun.of("ingest", SAMPLES, "--store", folder.toString());
        assertThat(busy.exitCode()).isEqualTo(2);
        assertThat(busy.err()).contains("not empty and not a store");
        CliRun nothing = CliRun.of("detect");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("--store");
        CliRun partition = CliRun.of("ingest", SAMPLES, "--store", dir.resolve("p").toString(), "--partition", "week");
        assertThat(partition.exitCode()).isEqualTo(2);
        assertThat(partition.err()).contains("unknown --partition");
    }
}
