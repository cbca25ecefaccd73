package io.egress.telemetry.evtx;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader emits, for assertions. */
final class CollectingSink implements EventSink {
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

    static CollectingSink read(byte[] bytes, String file) {
        CollectingSink sink = new CollectingSink();
        try {
            new EvtxReader().read(new ByteArrayInputStream(bytes), file, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }
}
