package io.egress.detect.rule;

import java.util.Locale;
import java.util.Optional;

/** Sentinel's alert severities, lowest first. */
public enum Severity {
    INFORMATIONAL, LOW, MEDIUM, HIGH;

    /** {@code High}, {@code Medium}, ... as Sentinel writes them. */
    public String display() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        if (key.equals("INFO")) {
            return Optional.of(INFORMATIONAL);
        }
        for (Severity severity : values()) {
            if (severity.name().equals(key)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
