package io.egress.telemetry.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;

/**
 * Windows events (and Azure Syslog rows) as JSON: JSON lines (one record per line; a bad line is reported
 * and the next one read) or a JSON array / concatenated pretty-printed objects (streamed element by
 * element with Jackson; a syntax error ends the file, since no resynchronisation is reliable).
 * See {@link JsonRecords} for the record shapes.
 */
public final class JsonEventReader implements TelemetryReader {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_DEPTH)
                    .maxStringLength(Limits.MAX_XML_EVENT_CHARS * 4)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final com.fasterxml.jackson.databind.ObjectReader ELEMENT_READER =
            MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String format;
    private final Predicate<String> accept;

    private JsonEventReader(String format, Predicate<String> accept) {
        this.format = format;
        this.accept = accept;
    }

    /** Windows events as JSON: flat exports, Winlogbeat, evtx_dump, Azure WindowsEvent rows. */
    public static JsonEventReader windowsJson() {
        return new JsonEventReader("windows-json", head -> !head.contains("\"SyslogMessage\""));
    }

    /** Azure Log Analytics Syslog rows carrying Sysmon for Linux XML or auditd / auoms records. */
    public static JsonEventReader azureSyslogJson() {
        return new JsonEventReader("azure-syslog-json", head -> head.contains("\"SyslogMessage\""));
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        String text = TextSniff.text(head, length);
        char first = TextSniff.firstSignificant(text);
        return (first == '{' || first == '[') && accept.test(text);
    }

    @Override
    public void read(InputStream in, String file, EventSink sink) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(4);
        buffered.reset();
        // UTF-16 (PowerShell's "> file") is read as a stream: Jackson detects the encoding itself
        boolean utf16 = TextSniff.charset(head, head.length) != java.nio.charset.StandardCharsets.UTF_8;
        boolean lines = !utf16 && looksLikeJsonLines(buffered);
        JsonRecords records = new JsonRecords(MAPPER, sink);
        if (lines) {
            readLines(buffered, file, sink, records);
        } else {
            readStream(buffered, file, sink, records);
        }
        records.finish();
    }

    private static boolean looksLikeJsonLines(BufferedInputStream in) throws IOException {
        in.mark(Limits.MAX_LINE_BYTES + 128 * 1024);
        try {
            LineSource lines = new LineSource(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            });
            for (int i = 0; i < 1000; i++) {
                LineSource.Line line = lines.next();
                if (line == null || line.oversized()) {
                    return false;
                }
                String text = line.text().strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (!text.startsWith("{") || !text.endsWith("}")) {
                    return false;
                }
                try {
                    MAPPER.readTree(text);
                    return true;
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static void readLines(InputStream in, String file, EventSink sink, JsonRecords records) throws IOException {
        LineSource lines = new LineSource(in);
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            SourceLocation location = SourceLocation.line(file, line.number());
            if (line.oversized()) {
                sink.malformed(new Malformed(location, "line longer than " + Limits.MAX_LINE_BYTES + " bytes (skipped)"));
                continue;
            }
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            try {
                records.convert(MAPPER.readTree(text), location);
            } catch (JsonProcessingException e) {
                sink.malformed(new Malformed(location, "bad JSON: " + describe(e)));
            } catch (RecordException e) {
                sink.malformed(new Malformed(location, e.getMessage()));
            }
        }
    }

    private static void readStream(InputStream in, String file, EventSink sink, JsonRecords records) throws IOException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY) {
                    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (token == null) {
                            sink.malformed(new Malformed(where(file, parser.currentLocation()), "JSON array is not closed"));
                            return;
                        }
                        element(parser, file, sink, records);
                    }
                } else {
                    element(parser, file, sink, records);
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.malformed(new Malformed(at == null ? SourceLocation.line(file, -1) : where(file, at),
                    "bad JSON, rest of file skipped: " + describe(e)));
        }
    }

    private static void element(JsonParser parser, String file, EventSink sink, JsonRecords records) throws IOException {
        SourceLocation location = where(file, parser.currentTokenLocation());
        JsonNode node = ELEMENT_READER.readValue(parser);
        try {
            records.convert(node, location);
        } catch (RecordException e) {
            sink.malformed(new Malformed(location, e.getMessage()));
        }
    }

    private static SourceLocation where(String file, JsonLocation location) {
        long line = location.getLineNr();
        return line > 0 ? SourceLocation.line(file, line) : SourceLocation.offset(file, Math.max(0, location.getByteOffset()));
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return JsonRecords.firstLine(message == null ? e.toString() : message);
    }
}
