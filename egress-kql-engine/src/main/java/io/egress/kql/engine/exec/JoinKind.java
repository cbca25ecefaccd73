package io.egress.kql.engine.exec;

import java.util.Locale;
import java.util.Optional;

/** Kusto join flavours. {@code innerunique} (the default) deduplicates the left side on the key first. */
public enum JoinKind {
    INNERUNIQUE, INNER, LEFTOUTER, RIGHTOUTER, FULLOUTER, LEFTANTI, RIGHTANTI, LEFTSEMI, RIGHTSEMI;

    public static Optional<JoinKind> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "anti", "leftanti", "leftantisemi" -> Optional.of(LEFTANTI);
            case "rightantisemi" -> Optional.of(RIGHTANTI);
            case "semi" -> Optional.of(LEFTSEMI);
            case "outer" -> Optional.of(LEFTOUTER);
            default -> {
                try {
                    yield Optional.of(valueOf(t.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    yield Optional.empty();
                }
            }
        };
    }

    /** Whether the output has only the left columns (semi/anti left) or only the right. */
    public boolean leftOnly() {
        return this == LEFTANTI || this == LEFTSEMI;
    }

    public boolean rightOnly() {
        return this == RIGHTANTI || this == RIGHTSEMI;
    }

    public String kql() {
        return name().toLowerCase(Locale.ROOT);
    }
}
