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

    /**
     * System keys spelled two ways: the text readers write {@code ProcessID}, the EVTX reader the
     * element-and-attribute form {@code Execution.ProcessID}. A mapping may use either.
     */
    private static final java.util.Map<String, String> SYSTEM_ALIASES = java.util.Map.of(
            "ProcessID", "Execution.ProcessID", "ThreadID", "Execution.ThreadID", "UserID", "Security.UserID",
            "Provider", "Provider.Name", "ProviderGuid", "Provider.Guid", "TimeCreated", "TimeCreated.SystemTime",
            "ActivityID", "Correlation.ActivityID");

    Object field(String name) {
        Object value = event.data().get(name);
        if (value != null) {
            return value;
        }
        value = event.system().get(name);
        if (value == null) {
            String alias = SYSTEM_ALIASES.get(name);
            if (alias != null) {
                value = event.system().get(alias);
            }
        }
        return value;
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
