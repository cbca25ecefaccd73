package io.egress.telemetry.bench;

import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.Readers;
import io.egress.telemetry.TelemetryLoader;
import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.read.TelemetryReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of each text reader on one thread, decode only and decode + normalize, over synthetic files it
 * writes to a temporary folder (or over the files given as arguments). Not a test: timing never goes in
 * unit tests. Run: {@code java -cp egress-cli/target/egress.jar io.egress.telemetry.bench.ReaderBenchmark [FILE...]}.
 */
public final class ReaderBenchmark {
    private static final int EVENTS = 20_000;

    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files;
        Path temp = null;
        if (args.length > 0) {
            files = java.util.Arrays.stream(args).map(Path::of).toList();
        } else {
            temp = Files.createTempDirectory("egress-bench");
            files = List.of(
                    write(temp.resolve("sysmon.xml"), ReaderBenchmark::sysmonXml),
                    write(temp.resolve("flat.json"), ReaderBenchmark::flatJson),
                    write(temp.resolve("winlogbeat.json"), ReaderBenchmark::winlogbeat),
                    write(temp.resolve("audit.log"), ReaderBenchmark::auditd),
                    write(temp.resolve("syslog"), ReaderBenchmark::syslog));
        }
        System.out.printf(Locale.ROOT, "%-14s %10s %8s | %12s %8s | %12s %8s%n", "format", "events", "MB",
                "decode ev/s", "MB/s", "+normalize", "MB/s");
        for (Path file : files) {
            measure(file);
        }
        if (temp != null) {
            try (var walk = Files.walk(temp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void measure(Path file) throws IOException {
        byte[] head = new byte[64 * 1024];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        TelemetryReader reader = Readers.detect(head, length).orElse(null);
        if (reader == null) {
            System.out.println(file + ": format not recognised");
            return;
        }
        double mb = Files.size(file) / 1e6;
        long[] count = new long[1];
        for (int round = 0; round < 2; round++) { // warm up, then measure
            count[0] = 0;
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            count[0] = 0;
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                reader.read(in, file.toString(), new EventSink() {
                    @Override
                    public void event(RawEvent event) {
                        count[0]++;
                    }

                    @Override
                    public void malformed(Malformed problem) {
                    }
                });
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        long bestLoad = Long.MAX_VALUE;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            LoadResult result = new TelemetryLoader().load(List.of(file), LoadOptions.defaults());
            bestLoad = Math.min(bestLoad, System.nanoTime() - start);
            if (result.totalRecords() != count[0]) {
                System.out.println("warning: loader read " + result.totalRecords() + " records, reader " + count[0]);
            }
        }
        double decode = best / 1e9;
        double load = bestLoad / 1e9;
        System.out.printf(Locale.ROOT, "%-14s %10d %8.1f | %12.0f %8.1f | %12.0f %8.1f%n", reader.format(), count[0], mb,
                count[0] / decode, mb / decode, count[0] / load, mb / load);
    }

    private interface Generator {
        void write(Writer out, int i) throws IOException;
    }

    private static Path write(Path file, Generator generator) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < EVENTS; i++) {
                generator.write(out, i);
            }
        }
        return file;
    }

    private static final String IMAGE = "C:\\\\Windows\\\\System32\\\\curl.exe";

    private static void sysmonXml(Writer out, int i) throws IOException {
        out.write("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-Sysmon\" "
                + "Guid=\"{5770385f-c22a-43e0-bf4c-06f5698ffbd9}\"/><EventID>" + (i % 3 == 0 ? 3 : 1) + "</EventID><Version>5</Version>"
                + "<Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime=\"2026-11-28T09:15:02."
                + String.format(Locale.ROOT, "%07d", i % 10_000_000) + "Z\"/><EventRecordID>" + i + "</EventRecordID><Correlation/>"
                + "<Execution ProcessID=\"3112\" ThreadID=\"4420\"/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
                + "<Computer>WS01.corp.example</Computer><Security UserID=\"S-1-5-18\"/></System><EventData>"
                + "<Data Name=\"UtcTime\">2026-11-28 09:15:02.239</Data><Data Name=\"ProcessId\">" + (1000 + i % 5000) + "</Data>"
                + "<Data Name=\"Image\">C:\\Windows\\System32\\curl.exe</Data><Data Name=\"CommandLine\">curl.exe --upload-file C:\\x.txt http://127.0.0.1:8080/u"
                + "</Data><Data Name=\"User\">CORP\\alice</Data><Data Name=\"Hashes\">SHA1=AA,MD5=BB,SHA256=CC</Data>"
                + "<Data Name=\"ParentProcessId\">6120</Data><Data Name=\"ParentImage\">C:\\Windows\\System32\\cmd.exe</Data>"
                + "<Data Name=\"ParentCommandLine\">cmd.exe /c run.bat</Data><Data Name=\"Protocol\">tcp</Data><Data Name=\"Initiated\">true</Data>"
                + "<Data Name=\"SourceIp\">10.0.0.5</Data><Data Name=\"SourcePort\">50122</Data><Data Name=\"DestinationIp\">93.184.216.34</Data>"
                + "<Data Name=\"DestinationPort\">80</Data></EventData></Event>");
        if (i % 4 == 0) {
            out.write("\r\n");
        }
    }

    private static void flatJson(Writer out, int i) throws IOException {
        out.write("{\"@timestamp\":\"2026-11-28T09:15:02.123Z\",\"EventID\":1,\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Channel\":"
                + "\"Microsoft-Windows-Sysmon/Operational\",\"Hostname\":\"WS01.corp.example\",\"RecordNumber\":" + i + ",\"Task\":1,"
                + "\"UtcTime\":\"2026-11-28 09:15:02.121\",\"ProcessId\":\"" + (1000 + i % 5000) + "\",\"Image\":\"" + IMAGE + "\","
                + "\"CommandLine\":\"curl.exe --upload-file C:\\\\x.txt http://127.0.0.1:8080/u\",\"User\":\"CORP\\\\alice\","
                + "\"Hashes\":\"SHA1=AA,MD5=BB,SHA256=CC\",\"ParentProcessId\":\"6120\",\"ParentImage\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\","
                + "\"ParentCommandLine\":\"cmd.exe /c run.bat\",\"IntegrityLevel\":\"Medium\",\"LogonId\":\"0x10276b\"}\n");
    }

    private static void winlogbeat(Writer out, int i) throws IOException {
        out.write("{\"@timestamp\":\"2026-11-28T09:15:02.123Z\",\"host\":{\"name\":\"ws01\"},\"winlog\":{\"channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"computer_name\":\"WS01\",\"event_id\":\"1\",\"provider_name\":\"Microsoft-Windows-Sysmon\",\"record_id\":" + i + ","
                + "\"process\":{\"pid\":3112,\"thread\":{\"id\":4420}},\"event_data\":{\"UtcTime\":\"2026-11-28 09:15:02.121\",\"ProcessId\":\""
                + (1000 + i % 5000) + "\",\"Image\":\"" + IMAGE + "\",\"CommandLine\":\"curl.exe -T x ftp://h/\",\"User\":\"CORP\\\\bob\","
                + "\"ParentProcessId\":\"6120\",\"ParentImage\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"ParentCommandLine\":\"cmd.exe\"}}}\n");
    }

    private static void auditd(Writer out, int i) throws IOException {
        String stamp = "msg=audit(1795869605." + String.format(Locale.ROOT, "%03d", i % 1000) + ":" + (10_000 + i) + "): ";
        out.write("type=SYSCALL " + stamp + "arch=c000003e syscall=59 success=yes exit=0 a0=55d0c1a2b3c0 a1=55d0c1a2b540 a2=55d0c1a2b900 a3=8 "
                + "items=2 ppid=30100 pid=" + (30_000 + i % 5000) + " auid=1001 uid=1001 gid=1001 euid=1001 suid=1001 fsuid=1001 egid=1001 "
                + "sgid=1001 fsgid=1001 tty=pts1 ses=7 comm=\"curl\" exe=\"/usr/bin/curl\" key=\"exec\"\n");
        out.write("type=EXECVE " + stamp + "argc=4 a0=\"curl\" a1=\"--upload-file\" a2=\"/tmp/x.tgz\" a3=\"ftp://127.0.0.1/x.tgz\"\n");
        out.write("type=CWD " + stamp + "cwd=\"/home/erin\"\n");
        out.write("type=PATH " + stamp + "item=0 name=\"/usr/bin/curl\" inode=1733 dev=fd:01 mode=0100755 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL\n");
        out.write("type=PROCTITLE " + stamp + "proctitle=6375726C002D2D75706C6F61642D66696C65002F746D702F782E74677A\n");
        out.write("type=EOE " + stamp + "\n");
    }

    private static void syslog(Writer out, int i) throws IOException {
        out.write("Nov 28 12:40:05 lnx01 sysmon: <Event><System><Provider Name=\"Linux-Sysmon\" Guid=\"{ff032593-a8d3-4f13-b0d6-01fc615a0f97}\"/>"
                + "<EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
                + "<TimeCreated SystemTime=\"2026-11-28T12:40:05.216400000Z\"/><EventRecordID>" + i + "</EventRecordID><Correlation/>"
                + "<Execution ProcessID=\"812\" ThreadID=\"812\"/><Channel>Linux-Sysmon/Operational</Channel><Computer>lnx01</Computer>"
                + "<Security UserId=\"0\"/></System><EventData><Data Name=\"UtcTime\">2026-11-28 12:40:05.216</Data><Data Name=\"ProcessId\">"
                + (30_000 + i % 5000) + "</Data><Data Name=\"Image\">/usr/bin/curl</Data><Data Name=\"CommandLine\">curl -T /tmp/x ftp://h/</Data>"
                + "<Data Name=\"User\">erin</Data><Data Name=\"ParentProcessId\">30100</Data><Data Name=\"ParentImage\">/usr/bin/dash</Data>"
                + "</EventData></Event>\n");
    }
}
