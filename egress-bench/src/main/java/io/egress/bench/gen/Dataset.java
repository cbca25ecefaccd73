package io.egress.bench.gen;

import java.nio.file.Path;
import java.util.Map;

/**
 * A generated data set on disk: one JSON-lines file per table and, per table and {@link RowKind}, how
 * many rows were generated in total and inside the seed's 24-hour window.
 */
public record Dataset(GeneratorConfig config, Path directory, Map<String, Path> files, Map<String, Map<RowKind, Long>> rows,
                      Map<String, Map<RowKind, Long>> rowsInWindow) {
    /** How many rows the seed detection must return: every exfiltration row inside the window. */
    public long expectedDetections() {
        return rowsInWindow.values().stream().mapToLong(m -> m.getOrDefault(RowKind.EXFIL, 0L)).sum();
    }

    public long totalRows() {
        return rows.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(p -> p.toFile().length()).sum();
    }
}
