package io.egress.detect.rule;

import java.util.Objects;

/**
 * Where a rule's query text sits in its file, so a diagnostic at a query offset can be reported at the
 * file's line and column: query line {@code n} (1-based) is file line {@code firstLine + n - 1}, and its
 * columns are shifted by {@code indent} (the YAML block-scalar indentation; 0 for a {@code .kql} file).
 */
public record QueryOrigin(String file, int firstLine, int indent) {
    public QueryOrigin {
        Objects.requireNonNull(file, "file");
    }

    /** The file position of a 0-based offset into {@code query}. */
    public FilePosition position(String query, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.max(0, Math.min(offset, query.length()));
        for (int i = 0; i < end; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new FilePosition(file, firstLine + line - 1, indent + (end - lineStart) + 1);
    }
}
