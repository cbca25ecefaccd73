package io.egress.bench.jmh;

import io.egress.bench.sql.KustoTerms;
import io.egress.kql.engine.functions.terms.TermMatcher;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code has_any} over 1,000 generated command lines: Egress's {@link TermMatcher} (Aho-Corasick with
 * term edges) against the same semantics as one java.util.regex or RE2/J alternation (the pattern
 * DuckDB is given), and against plain lower-case substring search (wrong semantics, a lower bound).
 * Score: time for all 1,000 lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TermMatchBench {
    /** The seed's longest needle lists. */
    @Param({"ftp", "http", "smtp"})
    public String list;

    private List<String> lines;
    private List<String> needles;
    private TermMatcher matcher;
    private Pattern javaRegex;
    private com.google.re2j.Pattern re2;

    @Setup
    public void setUp() {
        lines = SampleLines.commandLines(1_000);
        needles = switch (list) {
            case "ftp" -> List.of("--upload-file", "-T ", "PUT ", "STOR ", "-u ftp", "ftp://", "ftps://", "sftp://");
            case "http" -> List.of("--data-binary", "--data @", "-d @", "multipart/form-data", "-F file", "--form");
            default -> List.of("smtp", "sendmail", "blat", "swaks", "Send-MailMessage");
        };
        matcher = TermMatcher.compile(needles, false);
        javaRegex = Pattern.compile(KustoTerms.pattern(needles));
        re2 = com.google.re2j.Pattern.compile(KustoTerms.pattern(needles));
    }

    @Benchmark
    public int termMatcher() {
        int hits = 0;
        for (String line : lines) {
            if (matcher.matchesAny(line)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int javaRegexOnLowerCase() {
        int hits = 0;
        for (String line : lines) {
            if (javaRegex.matcher(line.toLowerCase(Locale.ROOT)).find()) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int re2jOnLowerCase() {
        int hits = 0;
        for (String line : lines) {
            if (re2.matcher(line.toLowerCase(Locale.ROOT)).find()) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int substringOnLowerCase() {
        int hits = 0;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }
}
