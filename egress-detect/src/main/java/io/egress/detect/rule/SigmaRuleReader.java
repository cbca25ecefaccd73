package io.egress.detect.rule;

import io.egress.sigma.SigmaCompiler;
import io.egress.sigma.SigmaConversion;
import io.egress.sigma.model.SigmaRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Sigma rule file into a detect {@link Rule}: egress-sigma compiles it to KQL over a Defender
 * table; level → severity, {@code attack.*} tags → tactics and techniques. A rule Sigma cannot compile
 * (invalid, unsupported, unsatisfiable) is a problem with egress-sigma's reason.
 */
public final class SigmaRuleReader {
    private static final Pattern TOP_KEY_LOGSOURCE = Pattern.compile("(?m)^logsource\\s*:");
    private static final Pattern TOP_KEY_DETECTION = Pattern.compile("(?m)^detection\\s*:");
    private static final Pattern TECHNIQUE = Pattern.compile("t\\d{4}(\\.\\d{3})?");

    /** Whether a YAML text is a Sigma rule (top-level {@code logsource:} and {@code detection:}). */
    public static boolean looksLikeSigma(String text) {
        return TOP_KEY_LOGSOURCE.matcher(text).find() && TOP_KEY_DETECTION.matcher(text).find();
    }

    public RuleReadResult read(String file, String text) {
        SigmaConversion conversion;
        try {
            conversion = new SigmaCompiler().compile(text, file);
        } catch (RuntimeException e) {
            return RuleReadResult.failed(List.of(new RuleProblem(new FilePosition(file, 1, 1), "SIGMA",
                    "cannot compile Sigma rule: " + e.getMessage(), "", "")));
        }
        if (!conversion.isOk()) {
            return RuleReadResult.failed(List.of(new RuleProblem(new FilePosition(file, 1, 1),
                    "SIGMA-" + conversion.status().word().toUpperCase(Locale.ROOT), conversion.reason(),
                    "egress sigma lint " + file + " explains it", "")));
        }
        SigmaRule sigma = conversion.rule();
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (String tag : sigma.tags()) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (!t.startsWith("attack.")) {
                continue;
            }
            String name = t.substring("attack.".length());
            if (TECHNIQUE.matcher(name).matches()) {
                techniques.add(name.toUpperCase(Locale.ROOT));
            } else if (!name.matches("[gs]\\d{4}")) {
                tactics.add(tactic(name));
            }
        }
        Severity severity = switch (sigma.level() == null ? "" : sigma.level().toLowerCase(Locale.ROOT)) {
            case "critical", "high" -> Severity.HIGH;
            case "low" -> Severity.LOW;
            case "informational" -> Severity.INFORMATIONAL;
            default -> Severity.MEDIUM;
        };
        String id = sigma.id() == null || sigma.id().isBlank() ? file : sigma.id();
        return RuleReadResult.of(new Rule(id, sigma.title() == null ? id : sigma.title(), sigma.description(), severity,
                "", conversion.kql(), Duration.ofHours(1), Duration.ofDays(1), Trigger.ANY_RESULT, tactics, techniques,
                List.of(), Map.of(), Map.of(), EventGrouping.SINGLE_ALERT, sigma.status(), List.of(conversion.table()),
                sigma.falsePositives() == null ? List.of() : sigma.falsePositives(), new QueryOrigin(file, 1, 0)));
    }

    /** {@code command_and_control} → {@code CommandAndControl}, as Sentinel names tactics. */
    static String tactic(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[_-]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
