package io.egress.telemetry.normalize;

import io.egress.telemetry.event.RawEvent;
import java.util.Set;

/** What a mapping expression can see: the event being mapped and the per-input process memory. */
public final class EvalContext {
    static final Set<String> VARIABLES = Set.of("$time", "$host", "$provider", "$eventId", "$source", "$file", "$line");

    private final ProcessTracker processes;
    private RawEvent event;

    public EvalContext(ProcessTracker processes) {
        this.processes = processes;
    }

    void bind(RawEvent event) {
        this.event = event;
    }

    public RawEvent event() {
        return event;
    }

    public ProcessTracker processes() {
        return processes;
    }

    Object field(String name) {
        Object value = event.data().get(name);
        return value != null ? value : event.system().get(name);
    }

    Object variable(String name) {
        return switch (name) {
            case "$time" -> event.time();
            case "$host" -> event.host();
            case "$provider" -> event.provider();
            case "$eventId" -> Integer.toString(event.eventId());
            case "$source" -> event.source();
            case "$file" -> event.location().file();
            case "$line" -> event.location().line() >= 0 ? Long.toString(event.location().line()) : "";
            default -> throw new IllegalStateException(name);
        };
    }
}
