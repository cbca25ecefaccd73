package io.egress.telemetry;

import java.util.function.Consumer;

/**
 * How {@link TelemetryLoader} reads: {@code strict} stops at the first malformed record (its problem is in
 * the result); {@code progress} hears about each input as it finishes (may be a no-op).
 */
public record LoadOptions(boolean strict, Consumer<FileReport> progress) {
    public LoadOptions {
        progress = progress == null ? report -> { } : progress;
    }

    public static LoadOptions defaults() {
        return new LoadOptions(false, null);
    }

    public static LoadOptions strictMode() {
        return new LoadOptions(true, null);
    }
}
