package io.egress.telemetry.read;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.io.IOException;
import java.io.InputStream;

/** Linux audit logs as auditd writes them ({@code /var/log/audit/audit.log}, RAW or ENRICHED format). */
public final class AuditdReader implements TelemetryReader {
    @Override
    public String format() {
        return "auditd";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        String first = firstLine(text);
        return (first.startsWith("type=") || first.startsWith("node=")) && first.contains("audit(");
    }

    static String firstLine(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int end = text.indexOf('\n', i);
        return text.substring(i, end < 0 ? text.length() : end);
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
            if (line.text().isBlank()) {
                continue;
            }
            try {
                assembler.add(AuditdLineParser.parse(line.text(), location));
            } catch (RecordException e) {
                sink.malformed(new Malformed(location, e.getMessage()));
            }
        }
        assembler.finish();
    }
}
