package io.egress.sigma;

import java.util.Objects;

/** Why a rule does not compile: a status other than {@link Status#OK} and a reason a person can act on. */
public record Problem(Status status, String reason) {
    public Problem {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.OK) {
            throw new IllegalArgumentException("a problem cannot have status ok");
        }
    }

    public static Problem invalid(String reason) {
        return new Problem(Status.INVALID, reason);
    }

    public static Problem unsupported(String reason) {
        return new Problem(Status.UNSUPPORTED, reason);
    }

    public static Problem unsatisfiable(String reason) {
        return new Problem(Status.UNSATISFIABLE, reason);
    }
}
