package io.egress.detect.rule;

import java.util.Locale;
import java.util.Optional;

/** {@code triggerOperator} / {@code triggerThreshold}: how many result rows make the rule fire. */
public record Trigger(Operator operator, int threshold) {
    /** Sentinel's default: fire when there is at least one row. */
    public static final Trigger ANY_RESULT = new Trigger(Operator.GT, 0);

    /** Sentinel's operator names ({@code gt}, {@code GreaterThan}, ...). */
    public enum Operator {
        GT, LT, EQ, NE;

        public static Optional<Operator> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "gt", "greaterthan" -> Optional.of(GT);
                case "lt", "lessthan" -> Optional.of(LT);
                case "eq", "equal" -> Optional.of(EQ);
                case "ne", "notequal" -> Optional.of(NE);
                default -> Optional.empty();
            };
        }
    }

    public boolean fires(int rows) {
        return switch (operator) {
            case GT -> rows > threshold;
            case LT -> rows < threshold;
            case EQ -> rows == threshold;
            case NE -> rows != threshold;
        };
    }
}
