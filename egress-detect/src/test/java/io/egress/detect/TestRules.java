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
    /** The seven rules of the second-generation pack (rules/T1048.003-v2/). */
    public static final java.util.List<String> V2_IDS = java.util.List.of(
            "7c99a0bb-714d-4459-ab9d-e0a50891e578", "5ca08d42-c18e-4dbb-801f-413389f79aa9",
            "b01d274c-440c-4819-8562-612c86e25f95", "683763fa-336c-4dd0-a67d-452be0a0d907",
            "c259e7e5-2a6c-4b93-af16-d77e7ccd8d17", "dcc8b3e1-4624-4008-89d8-53e69bd11fed",
            "7cf784e3-b5c3-44bb-b720-fa730aeba3af");

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
