package io.egress.data.io;

import io.egress.data.Table;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** Writes a result table in one output format ({@code table}, {@code jsonl}, {@code csv}). */
public interface TableWriter {
    void write(Table table, Appendable out) throws IOException;

    /** The writer for a format name, or empty when unknown. {@code width} is the terminal width for {@code table}. */
    static Optional<TableWriter> forFormat(String name, int width) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "table" -> Optional.of(new TextTableWriter(width));
            case "jsonl", "json" -> Optional.of(new JsonLinesWriter());
            case "csv" -> Optional.of(new CsvWriter());
            default -> Optional.empty();
        };
    }
}
