package io.egress.telemetry.read;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.io.IOException;
import java.io.InputStream;

/**
 * Windows event XML: {@code wevtutil qe LOG /f:xml} output (events back to back, no root), {@code <Events>}
 * documents (Event Viewer "Save as XML"), or one event per line. UTF-8 or UTF-16.
 */
public final class WindowsXmlReader implements TelemetryReader {
    @Override
    public String format() {
        return "windows-xml";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        if (TextSniff.firstSignificant(text) != '<') {
            return false;
        }
        return text.contains("<Event ") || text.contains("<Event>") || text.contains("<Events");
    }

    @Override
    public void read(InputStream in, String file, EventSink sink) throws IOException {
        new XmlEventScanner(TextSniff.reader(in), Limits.MAX_XML_EVENT_CHARS).scan(new XmlEventScanner.Handler() {
            @Override
            public void element(String xml, long line) {
                SourceLocation location = SourceLocation.line(file, line);
                try {
                    sink.event(XmlEventParser.parseLenient(xml, location));
                } catch (RecordException e) {
                    sink.malformed(new Malformed(location, e.getMessage()));
                }
            }

            @Override
            public void problem(String reason, long line) {
                sink.malformed(new Malformed(SourceLocation.line(file, line), reason));
            }
        });
    }
}
