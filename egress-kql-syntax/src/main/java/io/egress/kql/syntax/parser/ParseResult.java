package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.tree.Script;
import java.util.List;

/** The outcome of parsing: always a tree (possibly with error nodes) plus every diagnostic found. */
public record ParseResult(Script script, List<Diagnostic> diagnostics, SourceText source) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
