package io.egress.detect.validate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A validation scenario: a folder of telemetry in native formats and its {@code expect.yaml}.
 *
 * @param tuning "bundled" (default), "none", or a tuning file path relative to the scenario folder
 * @param now    the anchor time; empty = the newest event
 */
public record Scenario(String name, Path folder, String description, String tuning, Optional<Instant> now,
                       Expectation expectation) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        description = description == null ? "" : description;
        tuning = tuning == null ? "bundled" : tuning;
        now = now == null ? Optional.empty() : now;
        Objects.requireNonNull(expectation, "expectation");
    }
}
