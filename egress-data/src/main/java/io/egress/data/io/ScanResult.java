package io.egress.data.io;

import io.egress.data.Table;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ExportScanner} read from one file: the kept rows (only the requested columns), the
 * format, how many rows the file held, and the problems met (at most {@link ExportScanner#MAX_PROBLEMS}
 * listed; {@code problemCount} counts them all).
 */
public record ScanResult(Table table, ExportFormat format, long rowsRead, List<ReadProblem> problems,
                         long problemCount) {
    public ScanResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(format, "format");
        problems = List.copyOf(problems);
    }
}
