package io.egress.kql.syntax.diag;

import java.util.Locale;

/** How bad a diagnostic is. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used when printing ("error"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
