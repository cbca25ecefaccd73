package io.egress.telemetry.event;

import java.util.Objects;

/** A record, line or chunk that could not be decoded: where, and why. It is reported, never dropped silently. */
public record Malformed(SourceLocation location, String reason) {
    public Malformed {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
