package io.egress.data.io;

import io.egress.data.Table;
import java.util.List;
import java.util.Objects;

/** A table read from a file, the format it was read as, and every problem met on the way. */
public record ReadResult(Table table, ExportFormat format, List<ReadProblem> problems) {
    public ReadResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(format, "format");
        problems = List.copyOf(problems);
    }
}
