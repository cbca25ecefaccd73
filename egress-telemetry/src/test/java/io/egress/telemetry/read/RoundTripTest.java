package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.telemetry.event.RawEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trips: random events written the way each source writes them (Windows event XML, flat JSON lines,
 * auditd lines with quoted and hex-encoded arguments), read back, give the same fields.
 */
class RoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Event(int id, long record, Map<String, String> data) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .filter(n -> !n.equals("EventID") && !n.equals("Channel") && !n.equals("Message") && !n.equals("Level")
                        && !n.equals("Task") && !n.equals("Keywords") && !n.equals("Version") && !n.equals("Category")
                        && !n.equals("Severity") && !n.equals("Opcode") && !n.equals("Domain") && !n.equals("Computer")
                        && !n.equals("Hostname") && !n.equals("Provider") && !n.equals("ProviderName") && !n.equals("host")
                        && !n.equals("port") && !n.equals("tags") && !n.equals("Type") && !n.equals("ThreadID") && !n.equals("UserID")
                        && !n.equals("SourceName") && !n.equals("ProviderGuid") && !n.equals("TimeCreated") && !n.equals("EventTime")
                        && !n.equals("EventType") && !n.equals("AccountName") && !n.equals("AccountType") && !n.equals("TenantId")
                        && !n.equals("SourceSystem") && !n.equals("TimeGenerated") && !n.equals("EventLevel") && !n.equals("MG")
                        && !n.equals("EventLevelName") && !n.equals("EventOriginId") && !n.equals("ManagementGroupName"));
        Arbitrary<String> values = Arbitraries.strings().withChars("abcXYZ019 <>&\"'\\/:;=-_.é漢")
                .ofMaxLength(40).map(String::strip).filter(v -> !v.isEmpty());
        Arbitrary<Map<String, String>> data = Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(8).map(LinkedHashMap::new);
        return Combinators.combine(Arbitraries.integers().between(1, 30000), Arbitraries.longs().between(1, 1L << 40), data)
                .as(Event::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Property(tries = 200, seed = "1048003")
    void windowsXml(@ForAll("events") List<Event> events) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            text.append("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='P'/><EventID>")
                    .append(e.id()).append("</EventID><TimeCreated SystemTime='2024-01-01T00:00:00Z'/><EventRecordID>").append(e.record())
                    .append("</EventRecordID><Channel>C</Channel><Computer>h</Computer></System><EventData>");
            e.data().forEach((k, v) -> text.append("<Data Name=\"").append(k).append("\">").append(xmlEscape(v)).append("</Data>"));
            text.append("</EventData></Event>");
        }
        check(events, Collecting.read(new WindowsXmlReader(), text.toString()));
    }

    @Property(tries = 200, seed = "1048003")
    void flatJsonLines(@ForAll("events") List<Event> events) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            ObjectNode node = JSON.createObjectNode();
            node.put("EventID", e.id());
            node.put("SourceName", "P");
            node.put("RecordNumber", e.record());
            e.data().forEach(node::put);
            text.append(node).append('\n');
        }
        check(events, Collecting.read(JsonEventReader.windowsJson(), text.toString()));
    }

    private static void check(List<Event> events, Collecting sink) {
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            RawEvent read = sink.events.get(i);
            assertThat(read.eventId()).isEqualTo(events.get(i).id());
            assertThat(read.system().get("EventRecordID")).isEqualTo(Long.toString(events.get(i).record()));
            assertThat(read.data()).isEqualTo(events.get(i).data());
        }
    }

    @Provide
    Arbitrary<List<List<String>>> commands() {
        Arbitrary<String> arg = Arbitraries.strings().withChars("abc-/.=:019 \"'$é").ofMinLength(1).ofMaxLength(20);
        return arg.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5);
    }

    /** auditd quotes a plain argument and hex-encodes one with a space, quote or non-ASCII byte. */
    @Property(tries = 200, seed = "1048003")
    void auditdExecve(@ForAll("commands") List<List<String>> commands) throws Exception {
        StringBuilder log = new StringBuilder();
        long serial = 100;
        for (List<String> argv : commands) {
            serial += 1;
            String stamp = "msg=audit(1700000000.000:" + serial + "): ";
            log.append("type=SYSCALL ").append(stamp).append("arch=c000003e syscall=59 success=yes exit=0 pid=").append(serial)
                    .append(" exe=\"/bin/x\"\n");
            log.append("type=EXECVE ").append(stamp).append("argc=").append(argv.size());
            for (int i = 0; i < argv.size(); i++) {
                String a = argv.get(i);
                boolean plain = a.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"');
                log.append(" a").append(i).append('=').append(plain ? "\"" + a + "\""
                        : HexFormat.of().withUpperCase().formatHex(a.getBytes(StandardCharsets.UTF_8)));
            }
            log.append('\n');
            log.append("type=PROCTITLE ").append(stamp).append("proctitle=")
                    .append(HexFormat.of().formatHex(String.join("\0", argv).getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Collecting sink = Collecting.read(new AuditdReader(), log.toString());
        assertThat(sink.problems).isEmpty();
        List<Object> argvs = new ArrayList<>();
        sink.events.forEach(e -> argvs.add(e.data().get("argv")));
        assertThat(argvs).isEqualTo(new ArrayList<Object>(commands));
        for (int i = 0; i < commands.size(); i++) {
            assertThat(sink.events.get(i).data().get("proctitle")).isEqualTo(String.join(" ", commands.get(i)));
        }
    }
}
