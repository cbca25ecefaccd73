package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import org.junit.jupiter.api.Test;

class JsonEventReaderTest {
    private final JsonEventReader reader = JsonEventReader.windowsJson();

    @Test
    void readsFlatJsonLinesAndReportsBadOnes() throws Exception {
        String text = "{\"EventID\":1,\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Hostname\":\"h\",\"@timestamp\":\"2020-01-01T00:00:00Z\",\"Image\":\"C:\\\\x.exe\"}\n"
                + "{\"EventID\":1,\"Image\":\n"
                + "\n"
                + "[1,2]\n"
                + "{\"foo\":1}\n"
                + "{\"EventID\":4688,\"Channel\":\"security\",\"NewProcessName\":\"C:\\\\y.exe\"}\n";
        Collecting sink = Collecting.read(reader, text);
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(1, 4688);
        assertThat(sink.events.get(1).provider()).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(sink.problems).extracting(p -> p.location().line()).containsExactly(2L, 4L, 5L);
    }

    @Test
    void readsWinlogbeat() throws Exception {
        String text = "{\"@timestamp\":\"2024-01-02T03:04:05.678Z\",\"winlog\":{\"event_id\":\"4104\",\"provider_name\":\"Microsoft-Windows-PowerShell\","
                + "\"channel\":\"Microsoft-Windows-PowerShell/Operational\",\"computer_name\":\"pc\",\"record_id\":99,\"process\":{\"pid\":123},"
                + "\"event_data\":{\"ScriptBlockText\":\"Get-Date\"}}}\n";
        RawEvent event = Collecting.read(reader, text).events.get(0);
        assertThat(event.eventId()).isEqualTo(4104);
        assertThat(event.host()).isEqualTo("pc");
        assertThat(event.system()).containsEntry("ProcessID", "123").containsEntry("EventRecordID", "99");
        assertThat(event.data()).containsEntry("ScriptBlockText", "Get-Date");
    }

    @Test
    void readsPrettyPrintedEvtxDumpObjectsOneAfterAnother() throws Exception {
        String one = "{\n \"Event\": {\n  \"System\": {\"Provider\": {\"#attributes\": {\"Name\": \"Microsoft-Windows-Sysmon\"}},\n"
                + "   \"EventID\": 3, \"Computer\": \"c\", \"TimeCreated\": {\"#attributes\": {\"SystemTime\": \"2024-01-01T00:00:00Z\"}}},\n"
                + "  \"EventData\": {\"DestinationPort\": 443}\n }\n}\n";
        Collecting sink = Collecting.read(reader, one + one);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(2);
        assertThat(sink.events.get(1).data()).containsEntry("DestinationPort", "443");
        assertThat(sink.events.get(1).location().line()).isEqualTo(8);
    }

    @Test
    void reportsWhereAnArrayBreaks() throws Exception {
        String text = "[{\"EventID\":1,\"SourceName\":\"S\"},\n{\"EventID\":2,\"SourceName\":\"S\"},\n{\"EventID\": oops}]";
        Collecting sink = Collecting.read(reader, text);
        assertThat(sink.events).hasSize(2);
        assertThat(sink.problems).hasSize(1);
        assertThat(sink.problems.get(0).location().line()).isEqualTo(3);
    }

    @Test
    void boundsNesting() throws Exception {
        String deep = "{\"EventID\":1,\"SourceName\":\"S\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}\n";
        Collecting sink = Collecting.read(reader, deep);
        assertThat(sink.events).isEmpty();
        assertThat(sink.problems.get(0).reason()).contains("nesting depth");
    }

    @Test
    void skipsOversizedLinesWithAReport() throws Exception {
        String huge = "{\"EventID\":1,\"SourceName\":\"S\",\"x\":\"" + "a".repeat(Limits.MAX_LINE_BYTES + 10) + "\"}\n";
        Collecting sink = Collecting.read(reader, "{\"EventID\":2,\"SourceName\":\"S\"}\n" + huge + "{\"EventID\":3,\"SourceName\":\"S\"}\n");
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(2, 3);
        assertThat(sink.problems).hasSize(1);
        assertThat(sink.problems.get(0).location().line()).isEqualTo(2);
        assertThat(sink.problems.get(0).reason()).contains("longer than");
    }

    @Test
    void readsUtf16JsonAsPowerShellWritesIt() throws Exception {
        String text = "\uFEFF[{\"EventID\":4104,\"ProviderName\":\"Microsoft-Windows-PowerShell\",\"ScriptBlockText\":\"Send-MailMessage é\"},\r\n"
                + " {\"EventID\":4104,\"ProviderName\":\"Microsoft-Windows-PowerShell\",\"ScriptBlockText\":\"x\"}]\r\n";
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(reader.accepts(bytes, bytes.length)).isTrue();
        Collecting sink = Collecting.read(reader, text, java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(2);
        assertThat(sink.events.get(0).data()).containsEntry("ScriptBlockText", "Send-MailMessage é");
        assertThat(sink.events.get(1).location().line()).isEqualTo(2);
    }
}
