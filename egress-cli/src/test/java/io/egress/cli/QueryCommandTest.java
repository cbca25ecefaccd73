package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@code egress query} end to end: each export format, output formats, and user mistakes. */
class QueryCommandTest {
    private static final String QUERY = "DeviceProcessEvents | where Timestamp > ago(1h) and ProcessCommandLine has \"--data\""
            + " | project Timestamp, DeviceName, ProcessId, ProcessCommandLine";

    @TempDir
    Path dir;

    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of("jsonl", """
                        {"Timestamp":"2024-05-01T11:30:00Z","DeviceName":"WS1","ProcessId":42,"ProcessCommandLine":"curl --data @x http://h"}
                        {"Timestamp":"2024-05-01 11:40:00","DeviceName":"WS2","ProcessId":"43","ProcessCommandLine":"curl --databases"}
                        {"Timestamp":"2024-05-01T09:00:00Z","DeviceName":"WS3","ProcessId":44,"ProcessCommandLine":"curl --data old"}
                        """),
                Arguments.of("json", """
                        [ {"Timestamp":"2024-05-01T11:30:00Z","DeviceName":"WS1","ProcessId":42,"ProcessCommandLine":"curl --data @x http://h"},
                          {"Timestamp":"2024-05-01T11:40:00Z","DeviceName":"WS2","ProcessId":43,"ProcessCommandLine":"curl --databases"},
                          {"Timestamp":"2024-05-01T09:00:00Z","DeviceName":"WS3","ProcessId":44,"ProcessCommandLine":"curl --data old"} ]
                        """),
                Arguments.of("api", """
                        {"Schema":[{"Name":"Timestamp","Type":"DateTime"},{"Name":"DeviceName","Type":"String"},
                                   {"Name":"ProcessId","Type":"Int64"},{"Name":"ProcessCommandLine","Type":"String"}],
                         "Results":[{"Timestamp":"2024-05-01T11:30:00Z","DeviceName":"WS1","ProcessId":42,"ProcessCommandLine":"curl --data @x http://h"},
                                    {"Timestamp":"2024-05-01T11:40:00Z","DeviceName":"WS2","ProcessId":43,"ProcessCommandLine":"curl --databases"},
                                    {"Timestamp":"2024-05-01T09:00:00Z","DeviceName":"WS3","ProcessId":44,"ProcessCommandLine":"curl --data old"}]}
                        """),
                Arguments.of("csv", """
                        Timestamp,DeviceName,ProcessId,ProcessCommandLine
                        2024-05-01T11:30:00Z,WS1,42,"curl --data @x http://h"
                        2024-05-01 11:40:00,WS2,43,curl --databases
                        2024-05-01T09:00:00Z,WS3,44,"curl --data old"
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void readsEachExportFormat(String kind, String content) throws IOException {
        Path file = dir.resolve("export." + kind);
        Files.writeString(file, content);
        CliRun r = CliRun.of("query", "-q", QUERY, "--table", "DeviceProcessEvents=" + file,
                "--now", "2024-05-01T12:00:00Z", "--output", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"Timestamp\":\"2024-05-01T11:30:00Z\",\"DeviceName\":\"WS1\",\"ProcessId\":42,"
                + "\"ProcessCommandLine\":\"curl --data @x http://h\"}\n");
    }

    @Test
    void tableAndCsvOutput() throws IOException {
        Path file = dir.resolve("p.jsonl");
        Files.writeString(file, "{\"DeviceName\":\"WS1\",\"ProcessCommandLine\":\"a, \\\"b\\\"\"}\n");
        CliRun table = CliRun.of("query", "-q", "DeviceProcessEvents | project DeviceName, ProcessCommandLine",
                "--table", "DeviceProcessEvents=" + file, "--width", "30");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).isEqualTo("""
                DeviceName  ProcessCommandLine
                ----------  ------------------
                WS1         a, "b"
                (1 row)
                """);
        CliRun csv = CliRun.of("query", "-q", "DeviceProcessEvents | project DeviceName, ProcessCommandLine",
                "--table", "DeviceProcessEvents=" + file, "-o", "csv");
        assertThat(csv.out()).isEqualTo("DeviceName,ProcessCommandLine\r\nWS1,\"a, \"\"b\"\"\"\r\n");
    }

    @Test
    void missingTablesReadAsEmptyWithAWarning() {
        CliRun r = CliRun.of("query", "-q", "DeviceNetworkEvents | count", "--output", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Count\r\n0\r\n");
        assertThat(r.err()).contains("warning: table DeviceNetworkEvents was not given");
    }

    @Test
    void malformedRowsAreReportedWithTheirLine() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"DeviceName\":\"WS1\"}\n{not json\n{\"Timestamp\":\"yesterday\"}\n");
        CliRun r = CliRun.of("query", "-q", "DeviceProcessEvents | count", "--table", "DeviceProcessEvents=" + file,
                "-o", "csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("Count\r\n2\r\n");
        assertThat(r.err()).contains(file + ":2: not a JSON object").contains(file + ":3: column Timestamp");
    }

    @Test
    void unknownColumnSuggestsTheRightName() {
        CliRun r = CliRun.of("query", "-q", "DeviceProcessEvents | where Filename == \"a\"");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("<query>:1:29: error KQL202: unknown column or name 'Filename'")
                .contains("did you mean `FileName`?").doesNotContain("Exception");
    }

    @Test
    void userMistakesGiveAMessageNotAStackTrace() {
        CliRun badNow = CliRun.of("query", "-q", "print 1", "--now", "yesterday");
        assertThat(badNow.exitCode()).isEqualTo(2);
        assertThat(badNow.err()).contains("--now 'yesterday' is not a datetime").doesNotContain("at io.egress");
        CliRun badPath = CliRun.of("query", "-q", "print 1", "--table", "T=" + dir.resolve("nope.json"));
        assertThat(badPath.exitCode()).isEqualTo(2);
        assertThat(badPath.err()).contains("no such file").doesNotContain("at io.egress");
        CliRun badFile = CliRun.of("query", "-f", dir.resolve("nope.kql").toString());
        assertThat(badFile.err()).contains("cannot read query file").doesNotContain("at io.egress");
        CliRun both = CliRun.of("query");
        assertThat(both.exitCode()).isEqualTo(2);
        CliRun badFormat = CliRun.of("query", "-q", "print 1", "-o", "xml");
        assertThat(badFormat.err()).contains("unknown output format 'xml'");
    }

    @Test
    void bindErrorsAndDataDependentQueries() throws IOException {
        CliRun regex = CliRun.of("query", "-q", "print x = \"a\" matches regex \"(a\"");
        assertThat(regex.exitCode()).isEqualTo(1);
        assertThat(regex.err()).contains("<query>:1:11: error KQL204: invalid regular expression")
                .contains("^^^").doesNotContain("Exception");
        CliRun unknown = CliRun.of("query", "-q", "print x = tohexx(1)");
        assertThat(unknown.err()).contains("error KQL203: unknown function 'tohexx'").contains("did you mean `tohex`?");
        Path file = dir.resolve("e.jsonl");
        Files.writeString(file, "{\"DeviceName\":\"WS1\",\"AdditionalFields\":\"{\\\"Port\\\":445,\\\"Id\\\":\\\"x\\\"}\"}\n");
        CliRun unpacked = CliRun.of("query", "-q", "DeviceEvents | project DeviceName, F = parse_json(AdditionalFields)"
                + " | evaluate bag_unpack(F) | where Port > 400", "--table", "DeviceEvents=" + file, "-o", "csv");
        assertThat(unpacked.exitCode()).as(unpacked.err()).isZero();
        assertThat(unpacked.out()).isEqualTo("DeviceName,Port,Id\r\nWS1,445,x\r\n");
        CliRun late = CliRun.of("query", "-q", "DeviceEvents | project F = parse_json(AdditionalFields)"
                + " | evaluate bag_unpack(F) | project Nope", "--table", "DeviceEvents=" + file);
        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.err()).contains("error KQL202: unknown column or name 'Nope'").doesNotContain("Exception");
    }

    @Test
    void positionalExportNamedAfterItsTable() throws IOException {
        Path file = dir.resolve("DeviceFileEvents.jsonl");
        Files.writeString(file, "{\"FileName\":\"a.txt\"}\n{\"FileName\":\"b.txt\"}\n");
        CliRun r = CliRun.of("query", "-q", "DeviceFileEvents | summarize n = count()", "-o", "csv", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("n\r\n2\r\n");
    }

    @Test
    void customTablesGetAnInferredSchema() throws IOException {
        Path file = dir.resolve("custom.csv");
        Files.writeString(file, "Host,Bytes,When\nh1,10,2024-05-01T10:00:00Z\nh1,5,2024-05-01T11:00:00Z\n");
        CliRun r = CliRun.of("query", "-q", "Custom | summarize Total = sum(Bytes), Last = max(When) by Host",
                "--table", "Custom=" + file, "-o", "jsonl");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("{\"Host\":\"h1\",\"Total\":15,\"Last\":\"2024-05-01T11:00:00Z\"}\n");
    }
}
