package io.egress.telemetry.read;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.io.IOException;
import java.io.InputStream;

/**
 * Syslog files (RFC 3164 or 5424 lines, or FortiGate's key=value lines): Sysmon for Linux events
 * ({@code ... sysmon: <Event>...</Event>}) and auditd records forwarded by audisp
 * ({@code ... audispd: type=SYSCALL msg=audit(...): ...}) are decoded as such; every other syslog line becomes a
 * raw event of source {@code syslog} ({@link SyslogLine}: program, pid, message, key=value pairs). Lines that
 * are not syslog lines (a continuation, a stray text line) are skipped silently.
 */
public final class SyslogReader implements TelemetryReader {
    /** A syslog line start: optional {@code <PRI>} and version, then an RFC 3164 or ISO-8601 time. */
    private static final java.util.regex.Pattern SYSLOG_LINE = java.util.regex.Pattern.compile(
            "(<\\d{1,3}>)?(\\d )?([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d)");

    @Override
    public String format() {
        return "syslog";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        String first = AuditdReader.firstLine(text);
        return SYSLOG_LINE.matcher(first).lookingAt() || SyslogLine.looksLike(first);
    }

    @Override
    public void read(InputStream in, String file, EventSink sink) throws IOException {
        AuditdAssembler assembler = new AuditdAssembler(sink::event, "");
        LineSource lines = new LineSource(in);
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            SourceLocation location = SourceLocation.line(file, line.number());
            if (line.oversized()) {
                sink.malformed(new Malformed(location, "line longer than " + Limits.MAX_LINE_BYTES + " bytes (skipped)"));
                continue;
            }
            String text = line.text();
            int xml = text.indexOf("<Event");
            try {
                if (xml >= 0) {
                    int end = text.lastIndexOf("</Event>");
                    sink.event(XmlEventParser.parseLenient(text.substring(xml, end < xml ? text.length() : end + 8), location));
                    continue;
                }
                int audit = AuditdLineParser.recordStart(text);
                if (audit >= 0) {
                    String host = syslogHost(text.substring(0, audit));
                    AuditdRecord record = AuditdLineParser.parse(text.substring(audit), location);
                    if (record.node().isEmpty() && !host.isEmpty()) {
                        record = new AuditdRecord(record.type(), host, record.stamp(), record.time(), record.serial(),
                                record.fields(), record.enriched(), record.location());
                    }
                    assembler.add(record);
                    continue;
                }
                var plain = SyslogLine.parse(text, location);
                if (plain != null) {
                    sink.event(plain);
                }
            } catch (RecordException e) {
                sink.malformed(new Malformed(location, e.getMessage()));
            }
        }
        assembler.finish();
    }

    /** The host name in a syslog prefix ({@code Nov 28 12:00:01 host prog[1]: }, RFC 5424, or ISO time first). */
    static String syslogHost(String prefix) {
        String[] tokens = prefix.strip().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            return "";
        }
        int index;
        String first = tokens[0].replaceFirst("^<\\d{1,3}>", ""); // drop a <PRI>
        if (first.matches("\\d")) {
            index = 2; // RFC 5424: VERSION TIME HOST
        } else if (first.length() == 3 && Character.isLetter(first.charAt(0))) {
            index = 3; // Mmm dd hh:mm:ss host
        } else {
            index = 1; // ISO time then host
        }
        if (index >= tokens.length) {
            return "";
        }
        String host = tokens[index];
        return host.endsWith(":") || host.contains("[") || host.equals("-") ? "" : host;
    }
}
