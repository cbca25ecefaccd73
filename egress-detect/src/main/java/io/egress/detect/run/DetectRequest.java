package io.egress.detect.run;

import io.egress.telemetry.FileReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What to run: telemetry inputs, rules (the bundled packs and/or extra files and folders), tuning, and
 * the anchor time.
 *
 * @param tuningFile  a tuning file; empty = the bundled pack's tuning when the bundled rules run
 * @param noTuning    run without any exclusion
 * @param now         the anchor for {@code ago()}; empty = the newest event time in the input
 */
public record DetectRequest(List<Path> inputs, boolean bundledRules, List<Path> extraRules, Optional<Path> tuningFile,
                            boolean noTuning, Optional<Instant> now, Consumer<FileReport> progress) {
    public DetectRequest {
        inputs = List.copyOf(inputs);
        extraRules = List.copyOf(extraRules);
        progress = progress == null ? report -> { } : progress;
    }

    /** The bundled rules and tuning over these inputs, anchored at the newest event. */
    public static DetectRequest defaults(List<Path> inputs) {
        return new DetectRequest(inputs, true, List.of(), Optional.empty(), false, Optional.empty(), null);
    }
}
