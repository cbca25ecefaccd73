package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WindowsXmlReaderTest {
    private static String event(int id, String data) {
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/>"
                + "<EventID>" + id + "</EventID><TimeCreated SystemTime='2024-05-01T10:00:00.1234567Z'/><EventRecordID>7</EventRecordID>"
                + "<Execution ProcessID='44' ThreadID='45'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>pc1</Computer>"
                + "</System><EventData>" + data + "</EventData></Event>";
    }

    @Test
    void readsBackToBackEventsWithoutRoot() throws Exception {
        String text = event(1, "<Data Name='Image'>C:\\a.exe</Data>") + event(3, "<Data Name='DestinationPort'>80</Data>") + "\r\n"
                + event(22, "<Data Name='QueryName'>x.example</Data>");
        Collecting sink = Collecting.read(new WindowsXmlReader(), text);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(1, 3, 22);
        RawEvent first = sink.events.get(0);
        assertThat(first.provider()).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(first.host()).isEqualTo("pc1");
        assertThat(first.data()).containsEntry("Image", "C:\\a.exe");
        assertThat(first.system()).containsEntry("EventRecordID", "7").containsEntry("ProcessID", "44");
        assertThat(sink.events.get(2).location().line()).isEqualTo(2);
    }

    @Test
    void readsEventsDocumentInUtf16() throws Exception {
        String text = "\uFEFF<?xml version='1.0' encoding='UTF-16'?>\n<Events>\n" + event(1, "<Data Name='User'>CORP\\bob</Data>") + "\n</Events>\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
        WindowsXmlReader reader = new WindowsXmlReader();
        assertThat(reader.accepts(bytes, bytes.length)).isTrue();
        Collecting sink = Collecting.read(reader, text, StandardCharsets.UTF_16LE);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(1);
        assertThat(sink.events.get(0).data()).containsEntry("User", "CORP\\bob");
    }

    @Test
    void refusesExternalEntitiesAndDtds() throws Exception {
        String xxe = "<!DOCTYPE Event [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + event(1, "<Data Name='Image'>&xxe;</Data>");
        Collecting sink = Collecting.read(new WindowsXmlReader(), xxe);
        assertThat(sink.events).isEmpty();
        assertThat(sink.problems).hasSize(1);
        assertThat(sink.problems.get(0).reason()).contains("xxe");
    }

    @Test
    void boundsNestingDepth() throws Exception {
        String deep = "<x>".repeat(100) + "</x>".repeat(100);
        Collecting sink = Collecting.read(new WindowsXmlReader(), event(1, "<Data Name='A'>" + deep + "</Data>"));
        assertThat(sink.events).isEmpty();
        assertThat(sink.problems.get(0).reason()).contains("nested deeper");
    }

    @Test
    void reportsTruncatedAndBrokenEventsAndContinues() throws Exception {
        String text = event(1, "<Data Name='A'>x</Dat>") + "\n" + event(2, "") + "\n" + "<Event><System><EventID>5";
        Collecting sink = Collecting.read(new WindowsXmlReader(), text);
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(2);
        assertThat(sink.problems).hasSize(2);
        assertThat(sink.problems.get(1).reason()).contains("truncated");
    }

    @Test
    void repairsSysmonForLinuxEntitiesWithoutSemicolon() throws Exception {
        RawEvent event = XmlEventParser.parseLenient(
                "<Event><System><Provider Name=\"Linux-Sysmon\"/><EventID>5</EventID></System><EventData>"
                        + "<Data Name=\"Image\">&lt unknown process&gt </Data></EventData></Event>",
                io.egress.telemetry.event.SourceLocation.line("t", 1));
        assertThat(event.source()).isEqualTo("linux-sysmon");
        assertThat(event.data()).containsEntry("Image", "< unknown process> ");
    }
}
