package io.egress.cli;

import io.egress.data.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a positional telemetry PATH of {@code egress query} into tables. Loaders are asked in order
 * ({@link TableLoaders#all()}); the first that accepts the path loads it. The telemetry readers
 * (Sysmon, EVTX, auditd, ...) plug in here.
 */
public interface TableLoader {
    /** What was loaded: tables by name (merged with other paths' tables) and problems to warn about. */
    record Loaded(Map<String, Table> tables, List<String> warnings) {
    }

    /** Loads the path, or returns empty when this loader does not handle it. */
    Optional<Loaded> load(Path path) throws IOException;
}
