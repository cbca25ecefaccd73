package io.egress.bench.jmh;

import io.egress.kql.engine.functions.operators.ClassSequence;
import io.egress.kql.engine.functions.operators.RegexPrefilter;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * {@code matches regex} over 1,000 generated command lines: RE2/J alone against Egress's
 * {@link RegexPrefilter} in front of it (a required literal, or a required run of one class such as the
 * seed's {@code [A-Za-z0-9+/]{20,}}), and against {@link ClassSequence}, which replaces RE2/J for patterns
 * that are a sequence of counted classes (the seed's DNS pattern). All count the same matches. Score:
 * time for all 1,000 lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RegexPrefilterBench {
    /** The seed's two regular expressions and one of the v2 pack's. */
    @Param({"dns", "http", "curl"})
    public String regex;

    private List<String> lines;
    private com.google.re2j.Pattern re2;
    private RegexPrefilter prefilter;
    private ClassSequence sequence;

    @Setup
    public void setUp() {
        lines = SampleLines.commandLines(1_000);
        String pattern = switch (regex) {
            case "dns" -> "[A-Za-z0-9+/]{20,}\\.[a-z]{2,}";
            case "http" -> "http://[^\\s]+";
            default -> "(^|[\\s;&|(/])curl\\s";
        };
        re2 = com.google.re2j.Pattern.compile(pattern);
        prefilter = RegexPrefilter.of(pattern);
        if (prefilter == null) {
            throw new IllegalStateException("no prefilter for " + pattern);
        }
        sequence = ClassSequence.of(pattern);
    }

    /**
     * As Egress binds {@code matches regex}: the prefilter, then the class-sequence matcher where the
     * pattern is one (dns), else RE2/J.
     */
    @Benchmark
    public int egress() {
        if (sequence == null) {
            return prefilterThenRe2j();
        }
        int hits = 0;
        for (String line : lines) {
            if (prefilter.mayMatch(line) && sequence.find(line)) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int re2jAlone() {
        int hits = 0;
        for (String line : lines) {
            if (re2.matcher(line).find()) {
                hits++;
            }
        }
        return hits;
    }

    @Benchmark
    public int prefilterThenRe2j() {
        int hits = 0;
        for (String line : lines) {
            if (prefilter.mayMatch(line) && re2.matcher(line).find()) {
                hits++;
            }
        }
        return hits;
    }
}
