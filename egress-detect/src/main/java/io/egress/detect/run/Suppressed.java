package io.egress.detect.run;

import io.egress.detect.alert.Hit;
import io.egress.detect.tuning.Exclusion;
import java.util.List;

/** A result row an exclusion hid: the row, and every exclusion that matched it (the first is credited). */
public record Suppressed(String ruleId, Hit hit, List<Exclusion> by) {
    public Suppressed {
        by = List.copyOf(by);
    }
}
