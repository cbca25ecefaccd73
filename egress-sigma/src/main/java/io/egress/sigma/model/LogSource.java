package io.egress.sigma.model;

/** A rule's {@code logsource}: product, category and service (each may be null), and the free-text definition. */
public record LogSource(String product, String category, String service, String definition) {
    public static final LogSource NONE = new LogSource(null, null, null, null);

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "product", product);
        append(text, "category", category);
        append(text, "service", service);
        return text.length() == 0 ? "(none)" : text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append(": ").append(value);
        }
    }
}
