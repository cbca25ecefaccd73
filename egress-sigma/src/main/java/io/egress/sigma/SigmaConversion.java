package io.egress.sigma;

import io.egress.sigma.model.SigmaRule;
import java.util.Objects;

/**
 * A Sigma rule and what it became: status {@link Status#OK} with the KQL query over {@code table}, or
 * another status with the reason ({@code table} is known whenever the log source maps; {@code kql} only
 * when ok). The rule carries the metadata: id, title, level, tags ({@link SigmaRule#techniques()}), ...
 */
public record SigmaConversion(SigmaRule rule, Status status, String reason, String table, String kql) {
    public SigmaConversion {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        if ((status == Status.OK) != (kql != null)) {
            throw new IllegalArgumentException("kql is present exactly when the status is ok");
        }
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
