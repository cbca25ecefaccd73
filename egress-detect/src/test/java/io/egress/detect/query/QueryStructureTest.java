package io.egress.detect.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.detect.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStructureTest {
    private final QueryStructure seed = QueryStructure.analyze(TestRules.seedRule().query());

    @Test
    void findsTheSeedsListsBranchesAndUnion() {
        assertThat(seed.lists()).containsOnlyKeys("FtpTools", "CurlWgetPatterns", "FtpExfilPatterns", "DnsExfilPatterns",
                "SmtpExfilPatterns", "HttpExfilPatterns");
        assertThat(seed.lists().get("FtpTools")).containsExactly("ftp.exe", "winscp.exe", "filezilla.exe", "winscp3.exe", "ncftp", "lftp");
        assertThat(seed.unionLegs()).containsExactly("FtpExfil", "HttpExfil", "DnsExfil", "SmtpExfil", "PlaintextNetworkExfil");
        assertThat(seed.withSource()).isEmpty();
    }

    @Test
    void resolvesEachBranchsPatterns() {
        assertThat(seed.patternsOf("FtpExfil")).containsExactly(
                new Pattern("FileName", "has_any", seed.lists().get("FtpTools")),
                new Pattern("ProcessCommandLine", "has_any", List.of("ftp://", "--ftp-upload", "-T ftp")),
                new Pattern("ProcessCommandLine", "has_any", seed.lists().get("FtpExfilPatterns")),
                new Pattern("FileName", "has_any", seed.lists().get("FtpTools")));
        assertThat(seed.patternsOf("HttpExfil")).contains(
                new Pattern("ProcessCommandLine", "matches regex", List.of("http://[^\\s]+")));
        assertThat(seed.patternsOf("DnsExfil")).contains(
                new Pattern("ProcessCommandLine", "matches regex", List.of("[A-Za-z0-9+/]{20,}\\.[a-z]{2,}")));
        assertThat(seed.patternsOf("SmtpExfil")).extracting(Pattern::needles)
                .contains(List.of("-server", "-to ", "--to ", "-attach", "--attach", "-body", "--body"));
        // == "Public" is a pattern; the negated !in~ list is not (it excludes, never matches).
        assertThat(seed.patternsOf("PlaintextNetworkExfil")).containsExactly(
                new Pattern("RemoteIPType", "==", List.of("Public")));
    }

    @Test
    void rewritesTheUnionToNameEachRowsBranch() {
        String query = TestRules.seedRule().query();
        BranchRewriter.Rewritten rewritten = BranchRewriter.rewrite(query, seed);
        assertThat(rewritten.branchColumn()).isEqualTo("__Branch");
        assertThat(rewritten.query()).contains("union withsource=__Branch FtpExfil, HttpExfil, DnsExfil, SmtpExfil, PlaintextNetworkExfil\n| sort by Timestamp desc");
    }

    @Test
    void keepsAnExistingWithSourceAndLeavesOtherQueriesAlone() {
        String with = "let A = T | where x has 'a'; let B = T; union withsource=Src A, B";
        QueryStructure s = QueryStructure.analyze(with);
        assertThat(BranchRewriter.rewrite(with, s)).isEqualTo(new BranchRewriter.Rewritten(with, "Src"));
        assertThat(s.patternsOf("A")).containsExactly(new Pattern("x", "has", List.of("a")));

        String plain = "DeviceProcessEvents | where ProcessCommandLine contains \"ftp\"";
        QueryStructure p = QueryStructure.analyze(plain);
        assertThat(BranchRewriter.rewrite(plain, p).branchColumn()).isNull();
        assertThat(p.patternsOf(null)).containsExactly(new Pattern("ProcessCommandLine", "contains", List.of("ftp")));

        String subquery = "let A = T; union A, (T | where x == 1)";
        assertThat(QueryStructure.analyze(subquery).unionLegs()).isEmpty();
    }

    @Test
    void lexerDecodesStringFormsAndSkipsComments() {
        List<Token> tokens = QueryLexer.tokenize("// c \"x\"\nT | where a has @'C:\\x' or b == \"q\\\"\" and c in~ (h'z', ```m\nl```)");
        assertThat(tokens).filteredOn(t -> t.kind() == Token.Kind.STRING).extracting(Token::value)
                .containsExactly("C:\\x", "q\"", "z", "m\nl");
        assertThat(tokens.get(0).value()).isEqualTo("T");
    }
}
