package io.egress.kql.syntax.parser;

import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.lexer.Lexer;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.text.SourceText;
import io.egress.kql.syntax.tree.Script;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Entry point: KQL text to syntax tree and diagnostics. Never throws on bad input. */
public final class KqlParser {
    private KqlParser() {
    }

    public static ParseResult parse(String text) {
        Objects.requireNonNull(text, "text");
        SourceText source = new SourceText(text);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize(text, diagnostics);
        Script script = new ScriptParser(source, tokens, diagnostics).parseScript();
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt(d -> d.span().start()));
        return new ParseResult(script, sorted, source);
    }
}
