package io.egress.detect.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.Schema;
import io.egress.detect.TestRules;
import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.Rule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ExclusionCompilerTest {
    /** The seed rule's union result (process and network branches) plus the branch column. */
    static final Schema SEED_RESULT = Schema.parse("__Branch:string, Timestamp:datetime, DeviceName:string, AccountName:string,"
            + " FileName:string, ProcessCommandLine:string, InitiatingProcessFileName:string, InitiatingProcessCommandLine:string,"
            + " ExfilMethod:string, InitiatingProcessAccountName:string, RemoteIP:string, RemotePort:int, RemoteUrl:string");
    static final Schema PROCESS_ONLY = Schema.parse("Timestamp:datetime, DeviceName:string, FileName:string, ProcessCommandLine:string");

    static Stream<Arguments> everyKey() {
        return Stream.of(
                Arguments.of(new Condition.Account(List.of("CORP\\svc_a", "svc_b")), "__Account in~ (\"svc_a\", \"svc_b\")"),
                Arguments.of(new Condition.Device(List.of("ws01")), "(__Device =~ \"ws01\" or __Device startswith \"ws01.\")"),
                Arguments.of(new Condition.Process(List.of("winscp.exe", "WinSCP.com")), "__Process in~ (\"winscp.exe\", \"WinSCP.com\")"),
                Arguments.of(new Condition.ParentProcess(List.of("jenkins.exe")), "__Parent in~ (\"jenkins.exe\")"),
                Arguments.of(new Condition.RemoteIp(List.of("10.0.0.0/8", "192.0.2.7")),
                        "(ipv4_is_in_range(RemoteIP, \"10.0.0.0/8\") or ipv4_is_in_range(RemoteIP, \"192.0.2.7\"))"),
                Arguments.of(new Condition.Domain(List.of("nexus.corp.example.com")),
                        "(__UrlText matches regex @\"(?i)(^|[^A-Za-z0-9.-])([A-Za-z0-9-]+\\.)*nexus\\.corp\\.example\\.com($|[^A-Za-z0-9.-])\")"),
                Arguments.of(new Condition.Port(List.of(21, 2121)), "RemotePort in (21, 2121)"),
                Arguments.of(new Condition.CommandLine(Condition.CommandLine.Mode.CONTAINS, List.of("C:\\Deploy\\", "say \"hi\"")),
                        "(__CommandLine contains \"C:\\\\Deploy\\\\\" or __CommandLine contains \"say \\\"hi\\\"\")"),
                Arguments.of(new Condition.CommandLine(Condition.CommandLine.Mode.HAS, List.of("-T")), "(__CommandLine has \"-T\")"),
                Arguments.of(new Condition.CommandLine(Condition.CommandLine.Mode.REGEX, List.of("say \"(hi)\"")),
                        "(__CommandLine matches regex @\"say \"\"(hi)\"\"\")"));
    }

    @ParameterizedTest
    @MethodSource("everyKey")
    void compilesEachKeyToAKqlPredicate(Condition condition, String expected) {
        assertThat(ExclusionCompiler.condition(condition, new EntityView(SEED_RESULT))).contains(expected);
    }

    @Test
    void entityViewPicksTheProcessOfEitherTable() {
        EntityView view = new EntityView(SEED_RESULT);
        assertThat(view.process()).contains("iff(isempty(FileName), InitiatingProcessFileName, FileName)");
        assertThat(view.parentProcess()).contains("iff(isempty(FileName), \"\", InitiatingProcessFileName)");
        assertThat(view.account()).contains("iff(isempty(AccountName), InitiatingProcessAccountName, AccountName)");
        assertThat(view.urlText()).contains("strcat(RemoteUrl, \" \", iff(isempty(ProcessCommandLine), InitiatingProcessCommandLine, ProcessCommandLine))");
        EntityView processOnly = new EntityView(PROCESS_ONLY);
        assertThat(processOnly.process()).contains("FileName");
        assertThat(processOnly.remoteIp()).isEmpty();
        assertThat(processOnly.parentProcess()).isEmpty();
    }

    @Test
    void exclusionIsAConjunctionWithItsBranch() {
        Exclusion e = exclusion("x", "B", null, new Condition.Process(List.of("a.exe")), new Condition.Port(List.of(80)));
        assertThat(ExclusionCompiler.predicate(e, new EntityView(SEED_RESULT), "__Branch"))
                .contains("__Branch == \"B\" and __Process in~ (\"a.exe\") and RemotePort in (80)");
        assertThat(ExclusionCompiler.predicate(e, new EntityView(SEED_RESULT), null)).isEmpty();
        assertThat(ExclusionCompiler.predicate(exclusion("y", null, null, new Condition.Port(List.of(80))),
                new EntityView(PROCESS_ONLY), null)).isEmpty();
    }

    @Test
    void compilesTheTuningQuerySkippingExpiredOtherRulesAndInapplicable() {
        Rule rule = TestRules.seedRule();
        Tuning tuning = new Tuning("t", List.of(
                exclusion("live", null, null, new Condition.Process(List.of("a.exe"))),
                exclusion("old", null, LocalDate.of(2026, 1, 1), new Condition.Process(List.of("b.exe"))),
                new Exclusion("other-rule", "some-other-rule", null, "r", null,
                        List.of(new Condition.Process(List.of("c.exe"))), new FilePosition("t", 1, 1)),
                new Exclusion("by-name", rule.name(), null, "r", null,
                        List.of(new Condition.Port(List.of(21))), new FilePosition("t", 1, 1))), List.of());
        CompiledTuning compiled = ExclusionCompiler.compile(rule, tuning, PROCESS_ONLY, null, LocalDate.of(2026, 6, 1));
        assertThat(compiled.exclusions()).extracting(Exclusion::id).containsExactly("live");
        assertThat(compiled.notApplicable()).extracting(Exclusion::id).containsExactly("by-name");
        assertThat(compiled.query()).isEqualTo("RuleResult\n| extend __Process = FileName, __Device = DeviceName,"
                + " __CommandLine = ProcessCommandLine, __UrlText = ProcessCommandLine\n| extend __ex_0 = (__Process in~ (\"a.exe\"))");
        assertThat(ExclusionCompiler.compile(rule, Tuning.NONE, PROCESS_ONLY, null, LocalDate.of(2026, 6, 1)).query())
                .isEqualTo("RuleResult");
    }

    @Test
    void hostRegexMatchesTheHostAndSubdomainsOnly() {
        com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(ExclusionCompiler.hostRegex("corp.example.com"));
        assertThat(p.matcher("curl http://nexus.corp.example.com:8081/x").find()).isTrue();
        assertThat(p.matcher("ftp://user@CORP.EXAMPLE.COM/").find()).isTrue();
        assertThat(p.matcher("http://corp.example.com.evil.net/").find()).isFalse();
        assertThat(p.matcher("http://notcorp.example.com/").find()).isFalse();
    }

    private static Exclusion exclusion(String id, String branch, LocalDate expires, Condition... conditions) {
        return new Exclusion(id, null, branch, "reason", expires, List.of(conditions), new FilePosition("t", 1, 1));
    }

}
