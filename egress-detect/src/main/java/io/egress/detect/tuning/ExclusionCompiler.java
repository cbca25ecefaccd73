package io.egress.detect.tuning;

import io.egress.data.Schema;
import io.egress.detect.rule.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Compiles exclusions into KQL predicates over a rule's result schema, e.g.
 * {@code __Process in~ ("winscp.exe") and __CommandLine matches regex @"ftp://10\."}, and into the one
 * tuning query that evaluates them all per row (see {@link CompiledTuning}).
 */
public final class ExclusionCompiler {
    private ExclusionCompiler() {
    }

    /** The tuning query for one rule: active exclusions that target it, over its result schema. */
    public static CompiledTuning compile(Rule rule, Tuning tuning, Schema result, String branchColumn, LocalDate today) {
        EntityView view = new EntityView(result);
        List<Exclusion> used = new ArrayList<>();
        List<String> predicates = new ArrayList<>();
        List<Exclusion> notApplicable = new ArrayList<>();
        for (Exclusion exclusion : tuning.active(today)) {
            if (!exclusion.appliesTo(rule)) {
                continue;
            }
            Optional<String> predicate = predicate(exclusion, view, branchColumn);
            if (predicate.isPresent()) {
                used.add(exclusion);
                predicates.add(predicate.get());
            } else {
                notApplicable.add(exclusion);
            }
        }
        StringBuilder query = new StringBuilder(CompiledTuning.INPUT_TABLE);
        if (!used.isEmpty()) {
            StringJoiner helpers = new StringJoiner(", ");
            for (Map.Entry<String, String> helper : view.helperColumns().entrySet()) {
                helpers.add(helper.getKey() + " = " + helper.getValue());
            }
            if (helpers.length() > 0) {
                query.append("\n| extend ").append(helpers);
            }
            StringJoiner flags = new StringJoiner(",\n    ");
            for (int i = 0; i < predicates.size(); i++) {
                flags.add(CompiledTuning.column(i) + " = (" + predicates.get(i) + ")");
            }
            query.append("\n| extend ").append(flags);
        }
        return new CompiledTuning(query.toString(), used, predicates, notApplicable);
    }

    /** The predicate of one exclusion, or empty when the result lacks a column one of its conditions needs. */
    public static Optional<String> predicate(Exclusion exclusion, EntityView view, String branchColumn) {
        List<String> parts = new ArrayList<>();
        if (exclusion.branch() != null) {
            if (branchColumn == null) {
                return Optional.empty();
            }
            parts.add(branchColumn + " == " + quote(exclusion.branch()));
        }
        for (Condition condition : exclusion.conditions()) {
            Optional<String> part = condition(condition, view);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
        }
        return Optional.of(String.join(" and ", parts));
    }

    static Optional<String> condition(Condition condition, EntityView view) {
        if (condition instanceof Condition.Account a) {
            return view.account().map(x -> "__Account in~ (" + quoteAll(accountNames(a.values())) + ")");
        }
        if (condition instanceof Condition.Device d) {
            return view.device().map(x -> anyOf(d.values(),
                    v -> "__Device =~ " + quote(v) + " or __Device startswith " + quote(v + ".")));
        }
        if (condition instanceof Condition.Process p) {
            return view.process().map(x -> "__Process in~ (" + quoteAll(p.values()) + ")");
        }
        if (condition instanceof Condition.ParentProcess p) {
            return view.parentProcess().map(x -> "__Parent in~ (" + quoteAll(p.values()) + ")");
        }
        if (condition instanceof Condition.RemoteIp r) {
            return view.remoteIp().map(column -> anyOf(r.values(), v -> "ipv4_is_in_range(" + column + ", " + quote(v) + ")"));
        }
        if (condition instanceof Condition.Domain d) {
            return view.urlText().map(x -> anyOf(d.values(), v -> "__UrlText matches regex " + verbatim(hostRegex(v))));
        }
        if (condition instanceof Condition.Port p) {
            return view.remotePort().map(column -> column + " in ("
                    + String.join(", ", p.values().stream().map(String::valueOf).toList()) + ")");
        }
        Condition.CommandLine c = (Condition.CommandLine) condition;
        return view.commandLine().map(x -> anyOf(c.values(), v -> switch (c.mode()) {
            case CONTAINS -> "__CommandLine contains " + quote(v);
            case HAS -> "__CommandLine has " + quote(v);
            case REGEX -> "__CommandLine matches regex " + verbatim(v);
        }));
    }

    /** Matches the host or any subdomain of it, as a whole host name (not {@code host.evil.net}). */
    static String hostRegex(String domain) {
        return "(?i)(^|[^A-Za-z0-9.-])([A-Za-z0-9-]+\\.)*" + domain.replace(".", "\\.") + "($|[^A-Za-z0-9.-])";
    }

    private static List<String> accountNames(List<String> values) {
        return values.stream().map(v -> v.substring(v.lastIndexOf('\\') + 1)).toList();
    }

    private static String anyOf(List<String> values, java.util.function.Function<String, String> each) {
        List<String> parts = values.stream().map(each).toList();
        return parts.size() == 1 ? "(" + parts.get(0) + ")" : "(" + String.join(" or ", parts) + ")";
    }

    private static String quoteAll(List<String> values) {
        return String.join(", ", values.stream().map(ExclusionCompiler::quote).toList());
    }

    /** A KQL string literal. */
    public static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A KQL verbatim string literal ({@code @"..."}, quotes doubled) for regexes. */
    public static String verbatim(String value) {
        return "@\"" + value.replace("\"", "\"\"") + "\"";
    }
}
