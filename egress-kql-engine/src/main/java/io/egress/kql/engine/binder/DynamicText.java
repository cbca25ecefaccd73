package io.egress.kql.engine.binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.data.ValueFormat;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.lexer.Lexer;
import io.egress.kql.syntax.lexer.Token;
import io.egress.kql.syntax.lexer.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the body of a {@code dynamic(...)} literal with KQL's own tokens, so every KQL string form
 * ({@code "x"}, {@code 'x'}, {@code @"x"}, {@code h"x"}), comments, {@code datetime(...)} and
 * {@code timespan} literals work inside it, as they do in Kusto.
 */
final class DynamicText {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final List<Token> tokens;
    private int pos;

    private DynamicText(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The value, or null for {@code dynamic(null)} / {@code dynamic()}; throws IllegalArgumentException when invalid. */
    static JsonNode parse(String text) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.tokenize(text, diagnostics);
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            throw new IllegalArgumentException("invalid dynamic literal: " + diagnostics.get(0).message());
        }
        DynamicText p = new DynamicText(tokens);
        if (p.peek().kind() == TokenKind.END) {
            return null;
        }
        JsonNode value = p.value();
        if (p.peek().kind() != TokenKind.END) {
            throw new IllegalArgumentException("invalid dynamic literal: unexpected '" + p.peek().text() + "'");
        }
        return value != null && value.isNull() ? null : value;
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : new Token(TokenKind.END, "", 0, 0, null, false);
    }

    private Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    private JsonNode value() {
        Token t = next();
        switch (t.kind()) {
            case STRING: {
                StringBuilder s = new StringBuilder((String) t.value());
                while (peek().kind() == TokenKind.STRING) {
                    s.append((String) next().value()); // adjacent literals concatenate
                }
                return F.textNode(s.toString());
            }
            case LONG:
                return F.numberNode((Long) t.value());
            case REAL:
                return F.numberNode((Double) t.value());
            case TIMESPAN:
                return Literals.timespan(String.valueOf(t.value())).<JsonNode>map(d -> F.textNode(ValueFormat.timespan(d)))
                        .orElse(F.textNode(t.text()));
            case TYPED_LITERAL: {
                String raw = String.valueOf(t.value());
                if (t.text().startsWith("datetime")) {
                    return Literals.dateTime(raw).<JsonNode>map(i -> F.textNode(ValueFormat.datetime(i)))
                            .orElseThrow(() -> new IllegalArgumentException("invalid datetime '" + raw + "' in dynamic"));
                }
                if (t.text().startsWith("guid")) {
                    return F.textNode(raw);
                }
                return Literals.timespan(raw).<JsonNode>map(d -> F.textNode(ValueFormat.timespan(d)))
                        .orElse(F.textNode(raw));
            }
            case IDENTIFIER:
                switch (t.text()) {
                    case "true":
                        return F.booleanNode(true);
                    case "false":
                        return F.booleanNode(false);
                    case "null":
                        return F.nullNode();
                    default:
                        throw new IllegalArgumentException("invalid dynamic literal: unexpected '" + t.text() + "'");
                }
            case SYMBOL:
                if (t.isSymbol("[")) {
                    ArrayNode array = F.arrayNode();
                    while (!peek().isSymbol("]")) {
                        if (peek().kind() == TokenKind.END) {
                            throw new IllegalArgumentException("invalid dynamic literal: missing ']'");
                        }
                        if (peek().isSymbol(",")) {
                            next();
                            continue;
                        }
                        array.add(value());
                    }
                    next();
                    return array;
                }
                if (t.isSymbol("{")) {
                    ObjectNode bag = F.objectNode();
                    while (!peek().isSymbol("}")) {
                        Token key = next();
                        if (key.kind() == TokenKind.END) {
                            throw new IllegalArgumentException("invalid dynamic literal: missing '}'");
                        }
                        if (key.isSymbol(",")) {
                            continue;
                        }
                        String name = key.kind() == TokenKind.STRING ? (String) key.value() : key.text();
                        if (!next().isSymbol(":")) {
                            throw new IllegalArgumentException("invalid dynamic literal: expected ':' after '" + name + "'");
                        }
                        bag.set(name, value());
                    }
                    next();
                    return bag;
                }
                if (t.isSymbol("-") || t.isSymbol("+")) {
                    JsonNode n = value();
                    if (n.isNumber() && t.isSymbol("-")) {
                        return n.isIntegralNumber() ? F.numberNode(-n.longValue()) : F.numberNode(-n.doubleValue());
                    }
                    if (n.isNumber()) {
                        return n;
                    }
                }
                throw new IllegalArgumentException("invalid dynamic literal: unexpected '" + t.text() + "'");
            default:
                throw new IllegalArgumentException("invalid dynamic literal: unexpected '" + t.text() + "'");
        }
    }
}
