package io.egress.detect.tuning;

import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One tuning exclusion: which rule (id or name; null = every rule) and optionally which branch it
 * applies to, the conditions a result row must meet to be hidden, why, and until when.
 *
 * @param expires the last day (UTC) the exclusion applies; null = no expiry
 */
public record Exclusion(String id, String rule, String branch, String reason, LocalDate expires,
                        List<Condition> conditions, FilePosition position) {
    public Exclusion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(position, "position");
    }

    public boolean isExpired(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    /** Whether this exclusion targets the rule ({@code rule} absent or {@code *}, or equal to its id or name). */
    public boolean appliesTo(Rule target) {
        if (rule == null || rule.equals("*")) {
            return true;
        }
        String wanted = rule.toLowerCase(Locale.ROOT);
        return target.id().toLowerCase(Locale.ROOT).equals(wanted) || target.name().toLowerCase(Locale.ROOT).equals(wanted);
    }

    public Optional<String> branchName() {
        return Optional.ofNullable(branch);
    }
}
