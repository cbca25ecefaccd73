package io.egress.detect.alert;

import io.egress.data.ValueFormat;
import io.egress.detect.rule.Rule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert's display name: the rule's {@code alertDisplayNameFormat} with {@code {{Column}}} filled from the
 * row, else the rule name; and the same filling for explanation templates.
 */
final class AlertTitle {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private AlertTitle() {
    }

    static String format(Rule rule, Hit hit) {
        String template = rule.alertDetailsOverride().get("alertDisplayNameFormat");
        if (template == null || template.isBlank()) {
            return rule.name();
        }
        return fill(template, hit);
    }

    /** {@code template} with each {@code {{Column}}} replaced by the row's value (empty for a missing column). */
    static String fill(String template, Hit hit) {
        if (template == null || template.isBlank()) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = hit.evidence().get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : ValueFormat.toKqlString(value)));
        }
        m.appendTail(out);
        return out.toString().strip();
    }
}
