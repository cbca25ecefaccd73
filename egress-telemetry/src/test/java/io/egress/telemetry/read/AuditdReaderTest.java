package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditdReaderTest {
    private static String hex(String s) {
        return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void groupsRecordsBySerialAndDecodesArguments() throws Exception {
        String log = String.join("\n",
                "type=SYSCALL msg=audit(1700000000.123:501): arch=c000003e syscall=59 success=yes exit=0 a0=5600 a1=5601 ppid=10 pid=11 auid=1000 uid=1000 comm=\"curl\" exe=\"/usr/bin/curl\" key=(null)",
                "type=EXECVE msg=audit(1700000000.123:501): argc=3 a0=\"curl\" a1=" + hex("-H X: y z") + " a2=\"http://x/\"",
                "type=CWD msg=audit(1700000000.123:501): cwd=" + hex("/home/a b"),
                "type=PATH msg=audit(1700000000.123:501): item=0 name=\"/usr/bin/curl\" inode=1 nametype=NORMAL",
                "type=PROCTITLE msg=audit(1700000000.123:501): proctitle=" + hex("curl\0-H X: y z\0http://x/"),
                "type=EOE msg=audit(1700000000.123:501): ",
                "");
        Collecting sink = Collecting.read(new AuditdReader(), log);
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(1);
        RawEvent event = sink.events.get(0);
        assertThat(event.source()).isEqualTo("auditd");
        assertThat(event.provider()).isEqualTo("SYSCALL");
        assertThat(event.time()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        Map<String, Object> data = event.data();
        assertThat(data.get("argv")).isEqualTo(List.of("curl", "-H X: y z", "http://x/"));
        assertThat(data.get("cmdline")).isEqualTo("curl -H X: y z http://x/");
        assertThat(data.get("cwd")).isEqualTo("/home/a b");
        assertThat(data.get("proctitle")).isEqualTo("curl -H X: y z http://x/");
        assertThat(data.get("syscall_name")).isEqualTo("execve");
        assertThat(data.get("a0")).isEqualTo("5600"); // SYSCALL registers are not decoded
        assertThat(data.get("paths")).isEqualTo(List.of("/usr/bin/curl"));
        assertThat(data.get("record_types")).isEqualTo(List.of("SYSCALL", "EXECVE", "CWD", "PATH", "PROCTITLE"));
    }

    @Test
    void joinsSplitArguments() throws Exception {
        String log = "type=EXECVE msg=audit(1700000000.000:7): argc=2 a0=\"sh\" a1_len=10 a1[0]=" + hex("hello")
                + " a1[1]=" + hex(" world") + "\n";
        RawEvent event = Collecting.read(new AuditdReader(), log).events.get(0);
        assertThat(event.data().get("argv")).isEqualTo(List.of("sh", "hello world"));
    }

    @Test
    void separatesInterleavedEventsAndFlushesByWindow() throws Exception {
        StringBuilder log = new StringBuilder();
        log.append("type=SYSCALL msg=audit(1.000:100): syscall=59 success=yes pid=1 exe=\"/a\"\n");
        log.append("type=SYSCALL msg=audit(1.000:101): syscall=59 success=yes pid=2 exe=\"/b\"\n");
        log.append("type=EXECVE msg=audit(1.000:100): argc=1 a0=\"a\"\n");
        log.append("type=EXECVE msg=audit(1.000:101): argc=1 a0=\"b\"\n");
        log.append("type=SYSCALL msg=audit(2.000:200): syscall=59 success=yes pid=3 exe=\"/c\"\n");
        Collecting sink = Collecting.read(new AuditdReader(), log.toString());
        assertThat(sink.events).extracting(e -> e.data().get("cmdline")).containsExactly("a", "b", null);
        assertThat(sink.events).extracting(e -> e.data().get("exe")).containsExactly("/a", "/b", "/c");
    }

    @Test
    void readsEnrichedFieldsAndNodePrefix() throws Exception {
        String log = "node=web01 type=SYSCALL msg=audit(1.5:9): arch=c000003e syscall=42 success=no exit=-111 pid=5 uid=1000"
                + " comm=\"nc\" exe=\"/usr/bin/nc\"\u001dARCH=x86_64 SYSCALL=connect AUID=\"alice\" UID=\"alice\"\n"
                + "node=web01 type=SOCKADDR msg=audit(1.5:9): saddr=0A0001BB000000002001486048600000000000000000888800000000"
                + "\u001dSADDR={ saddr_fam=inet6 laddr=2001:4860:4860::8888 lport=443 }\n";
        RawEvent event = Collecting.read(new AuditdReader(), log).events.get(0);
        assertThat(event.host()).isEqualTo("web01");
        assertThat(event.data()).containsEntry("UID", "alice").containsEntry("SYSCALL", "connect")
                .containsEntry("syscall_name", "connect").containsEntry("saddr_family", "inet6")
                .containsEntry("saddr_addr", "2001:4860:4860:0:0:0:0:8888").containsEntry("saddr_port", "443");
    }

    @ParameterizedTest
    @CsvSource({
        "020000157F0000010000000000000000, inet, 127.0.0.1, 21",
        "02001F900A0000050000000000000000, inet, 10.0.0.5, 8080",
        "0A000035000000000000000000000000000000000000000100000000, inet6, 0:0:0:0:0:0:0:1, 53",
    })
    void decodesSocketAddresses(String saddr, String family, String address, String port) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        AuditdEvents.sockaddr(saddr, data);
        assertThat(data).containsEntry("saddr_family", family).containsEntry("saddr_addr", address).containsEntry("saddr_port", port);
    }

    @Test
    void decodesUnixSocketPaths() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        AuditdEvents.sockaddr("01002F72756E2F646F636B65722E736F636B00", data);
        assertThat(data).containsEntry("saddr_family", "local").containsEntry("saddr_path", "/run/docker.sock");
    }

    @Test
    void reportsBadLinesWithTheirNumberAndGoesOn() throws Exception {
        String log = "type=SYSCALL msg=audit(1.0:1): syscall=59 exe=\"/a\"\ngarbage line\ntype=X msg=audit(nonsense): a=b\n"
                + "type=SYSCALL msg=audit(1.0:2): syscall=59 exe=\"/b\"\n";
        Collecting sink = Collecting.read(new AuditdReader(), log);
        assertThat(sink.events).hasSize(2);
        assertThat(sink.problems).extracting(p -> p.location().line()).containsExactly(2L, 3L);
        assertThat(sink.problems.get(1).reason()).contains("audit stamp");
    }

    @Test
    void parsesAuomsMergedRecords() throws Exception {
        String line = "type=AUOMS_EXECVE audit(1652292621.986:84138): node=UBUNTU5 syscall=execve success=yes ppid=1 pid=2 user=tomcat"
                + " uid=1001 exe=\"/usr/bin/bash\" cmdline=\"bash -c \"{echo,x}|{bash,-i}\"\" proctitle=bash -c x redactors= containerid=";
        RawEvent event = AuditdEvents.build(List.of(AuditdLineParser.parse(line, io.egress.telemetry.event.SourceLocation.line("t", 1))), "");
        assertThat(event.data()).containsEntry("cmdline", "bash -c \"{echo,x}|{bash,-i}\"")
                .containsEntry("proctitle", "bash -c x").containsEntry("user", "tomcat").containsEntry("syscall_name", "execve");
        assertThat(event.host()).isEqualTo("UBUNTU5");
    }

    @Test
    void findsAuditRecordsAfterASyslogPrefix() throws Exception {
        String log = "Nov 28 12:00:01 db02 audispd: type=SYSCALL msg=audit(1.0:3): syscall=59 success=yes exe=\"/bin/ls\"\n"
                + "Nov 28 12:00:01 db02 sshd[12]: Accepted publickey for root\n";
        SyslogReader reader = new SyslogReader();
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        assertThat(reader.accepts(bytes, bytes.length)).isTrue();
        Collecting sink = Collecting.read(reader, log);
        assertThat(sink.problems).isEmpty();
        // the audit record (its event is complete at the end of input) and the sshd line, a plain syslog event
        assertThat(sink.events).extracting(e -> e.source()).containsExactlyInAnyOrder("auditd", "syslog");
        assertThat(sink.events).allSatisfy(e -> assertThat(e.host()).isEqualTo("db02"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nov 28 12:00:01 db02 audispd: |db02",
        "<13>Nov  8 12:00:01 db03 audispd: |db03",
        "<165>1 2026-11-28T12:00:01.003Z web9 audisp - - - |web9",
        "2026-11-28T12:00:01.123456+00:00 lnx01 audispd: |lnx01",
        "audispd: |''",
    })
    void findsTheHostInSyslogPrefixes(String prefix, String host) {
        assertThat(SyslogReader.syslogHost(prefix)).isEqualTo(host);
    }
}
