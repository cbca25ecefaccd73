package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection by content, archives, directories, strict mode and the reports. */
class LoaderTest {
    @TempDir
    Path dir;

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(AtomicFixturesTest.fixture(name));
    }

    @Test
    void detectsFormatsFromContentNotNames() throws IOException {
        Path a = dir.resolve("a.txt");
        Files.write(a, fixture("t5_linux_ftp/audit.log"));
        Path b = dir.resolve("b.log");
        Files.write(b, fixture("t1_ftp/sysmon-wevtutil.xml"));
        Path c = dir.resolve("c.xml");
        Files.write(c, fixture("t2_http/winlogbeat.ndjson"));
        LoadResult result = new TelemetryLoader().load(List.of(a, b, c), LoadOptions.defaults());
        assertThat(result.files()).extracting(FileReport::format).containsExactly("auditd", "windows-xml", "windows-json");
        assertThat(result.files()).extracting(FileReport::path).containsExactly(a.toString(), b.toString(), c.toString());
    }

    @Test
    void opensGzipAndEveryZipMemberAndWalksFoldersSorted() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("z/sub"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(sub.resolve("audit.gz")))) {
            out.write(fixture("t5_linux_ftp/audit.log"));
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("z/a.zip")))) {
            zip.putNextEntry(new ZipEntry("x/one.json"));
            zip.write(fixture("t2_http/winlogbeat.ndjson"));
            zip.putNextEntry(new ZipEntry("__MACOSX/x/._one.json"));
            zip.write(new byte[] {0, 5, 22, 7});
            zip.putNextEntry(new ZipEntry("two.xml.gz"));
            zip.write(gzip(fixture("t1_ftp/security-4688.xml")));
        }
        Files.writeString(dir.resolve("z/notes.md"), "# not telemetry\n");
        LoadResult result = new TelemetryLoader().load(List.of(dir.resolve("z")), LoadOptions.defaults());
        List<String> summary = new ArrayList<>();
        for (FileReport f : result.files()) {
            summary.add(dir.relativize(Path.of(f.path().replace("!", "/"))) + " " + f.format() + " " + f.records());
        }
        assertThat(summary).containsExactly(
                "z/a.zip/x/one.json windows-json 2",
                "z/a.zip/two.xml.gz windows-xml 1",
                "z/notes.md skipped 0",
                "z/sub/audit.gz auditd 5");
        assertThat(result.totalMalformed()).isZero();
        assertThat(result.rows("DeviceProcessEvents")).isEqualTo(1 + 1 + 3);
    }

    @Test
    void reportsUnknownExplicitFilesAndMissingOnes() {
        Path text = dir.resolve("hello.txt");
        try {
            Files.writeString(text, "hello world\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LoadResult result = new TelemetryLoader().load(List.of(text, dir.resolve("missing.json")), LoadOptions.defaults());
        assertThat(result.files()).extracting(FileReport::format).containsExactly("unknown", "unreadable");
        assertThat(result.totalMalformed()).isEqualTo(2);
        assertThat(result.files().get(1).problems().get(0).reason()).isEqualTo("no such file");
        assertThat(result.tables()).containsKeys("DeviceProcessEvents", "DeviceNetworkEvents", "DeviceFileEvents",
                "DeviceEvents", "SysmonEvent", "WindowsEvent", "AuditdEvent");
    }

    @Test
    void strictModeStopsAtTheFirstProblem() throws IOException {
        Path bad = dir.resolve("bad.log");
        String log = Files.readString(AtomicFixturesTest.fixture("t5_linux_ftp/audit.log"), StandardCharsets.UTF_8);
        Files.writeString(bad, log.replaceFirst("type=CWD msg=audit\\(", "type=CWD msg=audit(x"));
        Path later = dir.resolve("later.json");
        Files.write(later, fixture("t2_http/winlogbeat.ndjson"));
        LoadResult lenient = new TelemetryLoader().load(List.of(bad, later), LoadOptions.defaults());
        assertThat(lenient.totalMalformed()).isEqualTo(1);
        assertThat(lenient.files()).hasSize(2);
        LoadResult strict = new TelemetryLoader().load(List.of(bad, later), LoadOptions.strictMode());
        assertThat(strict.stoppedAt()).isPresent();
        assertThat(strict.stoppedAt().get().location().line()).isEqualTo(3);
        assertThat(strict.files()).hasSize(1);
    }

    @Test
    void progressHearsEachFileAndSchemasIncludeRawTables() throws IOException {
        Path a = dir.resolve("a");
        Files.write(a, fixture("t4_smtp/nxlog.json"));
        List<String> heard = new ArrayList<>();
        new TelemetryLoader().load(List.of(a), new LoadOptions(false, report -> heard.add(report.path())));
        assertThat(heard).containsExactly(a.toString());
        assertThat(TelemetryLoader.schemas()).containsKeys("DeviceProcessEvents", "SysmonEvent", "WindowsEvent", "AuditdEvent");
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
