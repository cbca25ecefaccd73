package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Plain syslog lines as raw events: the header forms, PRI, key=value messages, and lines that are not syslog. */
class SyslogLineTest {
    private static final SourceLocation HERE = SourceLocation.line("test.log", 1);

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("<34>1 2026-03-01T10:11:12.003Z web01 sshd 4242 - - Failed password for root",
                        "2026-03-01T10:11:12.003Z", "web01", "sshd", "4242", "Failed password for root", "4", "2"),
                Arguments.of("<13>1 2026-03-01T10:11:12Z host app - ID47 [exampleSDID@32473 iut=\"3\"] started",
                        "2026-03-01T10:11:12Z", "host", "app", null, "started", "1", "5"),
                Arguments.of("2026-03-01T10:11:13+01:00 web01 vsftpd[77]: [ftp] FAIL LOGIN: Client \"1.2.3.4\"",
                        "2026-03-01T09:11:13Z", "web01", "vsftpd", "77", "[ftp] FAIL LOGIN: Client \"1.2.3.4\"", null, null),
                Arguments.of("Mar  1 10:11:14 web01 CRON[4243]: (root) CMD (true)",
                        null, "web01", "CRON", "4243", "(root) CMD (true)", null, null),
                Arguments.of("Mar 11 10:11:14 web01 kernel: Out of memory",
                        null, "web01", "kernel", null, "Out of memory", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void parsesHeaderAndMessage(String line, String time, String host, String program, String pid, String message,
                                String facility, String severity) {
        assertThat(SyslogLine.looksLike(line)).isTrue();
        RawEvent event = SyslogLine.parse(line, HERE);
        assertThat(event.source()).isEqualTo("syslog");
        assertThat(event.host()).isEqualTo(host);
        assertThat(event.provider()).isEqualTo(program);
        assertThat(event.data().get("program")).isEqualTo(program);
        assertThat(event.data().get("pid")).isEqualTo(pid);
        assertThat(event.data().get("message")).isEqualTo(message);
        assertThat(event.data().get("facility")).isEqualTo(facility);
        assertThat(event.data().get("severity")).isEqualTo(severity);
        if (time != null) {
            assertThat(event.time()).isEqualTo(Instant.parse(time));
        } else {
            // RFC 3164 has no year: the current one, or the previous one for a date ahead of today
            assertThat(event.time()).isNotNull().isBefore(Instant.now().plusSeconds(2 * 86400));
        }
    }

    @Test
    void keyValueMessagesKeepEveryPair() {
        String line = "<189>date=2026-11-28 time=10:10:04 devname=\"fgt-edge\" devid=\"FG100F\" type=\"event\""
                + " action=\"Add\" cfgpath=\"system.admin\" msg=\"Add \\\"x\\\"\" cfgtid=7";
        assertThat(SyslogLine.looksLike(line)).isTrue();
        RawEvent event = SyslogLine.parse(line, HERE);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-28T10:10:04Z"));
        assertThat(event.host()).isEqualTo("fgt-edge");
        assertThat(event.provider()).isEqualTo("fortigate");
        assertThat(event.data()).containsEntry("action", "Add").containsEntry("cfgpath", "system.admin")
                .containsEntry("msg", "Add \"x\"").containsEntry("cfgtid", "7").containsEntry("severity", "5");
    }

    @Test
    void otherTextIsNotSyslog() {
        assertThat(SyslogLine.looksLike("hello world")).isFalse();
        assertThat(SyslogLine.parse("hello world", HERE)).isNull();
        assertThat(SyslogLine.looksLike("date=today")).isFalse();
        assertThat(SyslogLine.parse("\tcontinuation of a multi-line message", HERE)).isNull();
    }
}
