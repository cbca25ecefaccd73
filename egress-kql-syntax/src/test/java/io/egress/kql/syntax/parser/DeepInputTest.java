package io.egress.kql.syntax.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.syntax.diag.DiagnosticCodes;
import io.egress.kql.syntax.print.SyntaxPrinter;
import io.egress.kql.syntax.tree.SyntaxTrees;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pathologically deep or long input gives a diagnostic, never a StackOverflowError, on an ordinary 1 MiB thread stack. */
class DeepInputTest {

    static Stream<Arguments> deepInputs() {
        return Stream.of(
                Arguments.of("parentheses", "print " + "(".repeat(50_000) + "1" + ")".repeat(50_000)),
                Arguments.of("signs", "print " + "-(".repeat(50_000)),
                Arguments.of("binary chain", "print " + "1+".repeat(100_000) + "1"),
                Arguments.of("pipes", "T" + "| where x".repeat(20_000)),
                Arguments.of("members", "print a" + ".b".repeat(100_000)),
                Arguments.of("brackets", "print " + "[".repeat(100_000)),
                Arguments.of("blocks", "let f = () {".repeat(20_000)),
                Arguments.of("dynamic", "print dynamic(" + "[".repeat(100_000)),
                Arguments.of("calls", "print " + "f(".repeat(50_000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepInputs")
    void deepInputIsReportedNotFatal(String name, String text) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<ParseResult> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                ParseResult r = KqlParser.parse(text);
                SyntaxPrinter.print(r.script());
                SyntaxTrees.equalIgnoringSpans(r.script(), r.script());
                result.set(r);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep-" + name, 1024 * 1024); // the JVM default thread stack
        t.start();
        t.join();
        assertThat(failure.get()).as("thrown").isNull();
        assertThat(result.get().hasErrors()).isTrue();
    }

    @Test
    void tooDeepHasItsOwnCode() {
        ParseResult r = KqlParser.parse("print " + "(".repeat(1000) + "1" + ")".repeat(1000));
        assertThat(r.errors()).extracting(d -> d.code()).containsExactly(DiagnosticCodes.TOO_DEEP);
    }

    @Test
    void ordinaryNestingIsFine() {
        ParseResult r = KqlParser.parse("print " + "(".repeat(50) + "1" + ")".repeat(50) + ", " + "1+".repeat(500) + "1");
        assertThat(r.hasErrors()).isFalse();
    }
}
