package io.egress.telemetry.read;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A test sink that keeps what a reader produced. */
final class Collecting implements EventSink {
    final List<RawEvent> events = new ArrayList<>();
    final List<Malformed> problems = new ArrayList<>();

    @Override
    public void event(RawEvent event) {
        events.add(event);
    }

    @Override
    public void malformed(Malformed problem) {
        problems.add(problem);
    }

    static Collecting read(TelemetryReader reader, String text) throws IOException {
        return read(reader, text, StandardCharsets.UTF_8);
    }

    static Collecting read(TelemetryReader reader, String text, Charset charset) throws IOException {
        Collecting sink = new Collecting();
        reader.read(new ByteArrayInputStream(text.getBytes(charset)), "test", sink);
        return sink;
    }
}
