package io.egress.detect.run;

import io.egress.detect.rule.RuleProblem;
import io.egress.detect.tuning.Tuning;
import io.egress.telemetry.LoadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a detect run produced: the loaded telemetry (reports per file), the rules that ran and the
 * problems of those that could not, the tuning in effect, the detection report and the elapsed time.
 *
 * @param nowSource how the anchor time was chosen: {@code latest event}, {@code --now}, or {@code clock (no events)}
 */
public record DetectRun(LoadResult load, List<CompiledRule> rules, List<RuleProblem> ruleProblems, Tuning tuning,
                        DetectionReport report, String nowSource, Duration elapsed) {
    public DetectRun {
        rules = List.copyOf(rules);
        ruleProblems = List.copyOf(ruleProblems);
    }

    /** Rule, tuning and runtime problems together, in that order. */
    public List<RuleProblem> allProblems() {
        List<RuleProblem> all = new ArrayList<>(ruleProblems);
        all.addAll(report.problems());
        return all;
    }
}
