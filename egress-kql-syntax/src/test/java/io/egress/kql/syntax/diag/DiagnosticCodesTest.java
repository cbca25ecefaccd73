package io.egress.kql.syntax.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.kql.syntax.text.Span;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes are unique and well formed; quick fixes apply from the back without overlapping. */
class DiagnosticCodesTest {

    @Test
    void codesAreUniqueSyntaxCodes() throws IllegalAccessException {
        List<String> codes = new ArrayList<>();
        for (Field f : DiagnosticCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                codes.add((String) f.get(null));
            }
        }
        assertThat(codes).hasSizeGreaterThan(10).doesNotHaveDuplicates().allMatch(c -> c.matches("KQL1\\d\\d"));
    }

    @Test
    void fixesApplyAndOverlapsAreSkipped() {
        String text = "a [1] b [2] c";
        List<Diagnostic> ds = List.of(DiagnosticCodes.bareList(new Span(2, 3), "[1]"),
                DiagnosticCodes.bareList(new Span(8, 3), "[2]"),
                DiagnosticCodes.bareList(new Span(1, 5), " [1] "),
                DiagnosticCodes.unexpectedToken(new Span(0, 1), "a"));
        assertThat(Diagnostic.applyFixes(text, ds)).isEqualTo("a dynamic([1]) b dynamic([2]) c");
    }

    @Test
    void replacementNeedsItsSpan() {
        assertThatThrownBy(() -> new Diagnostic("KQL101", Severity.ERROR, Span.NONE, "m", null, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
