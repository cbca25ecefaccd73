package io.egress.detect;

import io.egress.detect.rule.Rule;
import io.egress.detect.rule.RuleLoader;
import io.egress.detect.rule.RuleReadResult;
import io.egress.detect.tuning.Tuning;
import io.egress.detect.tuning.TuningLoader;

/** Test access to the bundled T1048.003 pack. */
public final class TestRules {
    public static final String SEED_RULE = "T1048.003/T1048.003-exfiltration-unencrypted-protocol.yaml";
    public static final String SEED_ID = "4ed73578-1ac2-413c-a971-623fd33fa5bb";

    private TestRules() {
    }

    public static Rule seedRule() {
        RuleReadResult result = new RuleLoader().read("yaml", SEED_RULE, RuleLoader.bundledText(SEED_RULE));
        return result.rule().orElseThrow(() -> new AssertionError(result.problems()));
    }

    public static Tuning bundledTuning() {
        return new TuningLoader().read("tuning.yaml", RuleLoader.bundledText("T1048.003/tuning.yaml"));
    }
}
