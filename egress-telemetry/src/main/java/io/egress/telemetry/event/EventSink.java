package io.egress.telemetry.event;

/** Receives what a reader decodes, in file order. */
public interface EventSink {
    void event(RawEvent event);

    void malformed(Malformed problem);
}
