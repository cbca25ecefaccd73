package io.egress.sigma.compile;

import io.egress.sigma.model.SigmaValue.Chunk;
import io.egress.sigma.model.SigmaValue.SigmaString;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns one Sigma string pattern into a KQL predicate over an expression: {@code =~}, {@code contains},
 * {@code startswith}, {@code endswith} (their {@code _cs} / {@code ==} forms when cased), or
 * {@code matches regex} with {@code (?is)} when a wildcard sits inside the value.
 */
final class StringMatcher {
    /** Where the value must sit in the field. */
    enum Mode { EXACT, CONTAINS, STARTSWITH, ENDSWITH }

    private StringMatcher() {
    }

    /** The chunks with the implicit wildcards of {@code mode} added and runs of {@code *} merged. */
    static List<Chunk> normalise(SigmaString value, Mode mode) {
        List<Chunk> chunks = new ArrayList<>();
        if (mode == Mode.CONTAINS || mode == Mode.ENDSWITH) {
            chunks.add(new Chunk.AnyChars());
        }
        chunks.addAll(value.chunks());
        if (mode == Mode.CONTAINS || mode == Mode.STARTSWITH) {
            chunks.add(new Chunk.AnyChars());
        }
        List<Chunk> merged = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk instanceof Chunk.AnyChars && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Chunk.AnyChars) {
                continue;
            }
            merged.add(chunk);
        }
        return merged;
    }

    /** The plain literal when {@code chunks} is a single literal, else null. */
    static String exactLiteral(List<Chunk> chunks) {
        return chunks.size() == 1 && chunks.get(0) instanceof Chunk.Literal literal ? literal.text() : null;
    }

    static Pred match(String expr, List<Chunk> chunks, boolean cased) {
        if (chunks.isEmpty()) {
            return Pred.atom("isempty(" + expr + ")");
        }
        int n = chunks.size();
        boolean any0 = chunks.get(0) instanceof Chunk.AnyChars;
        boolean anyN = chunks.get(n - 1) instanceof Chunk.AnyChars;
        if (n == 1 && any0) {
            return Pred.atom("isnotempty(" + expr + ")");
        }
        if (n == 1 && chunks.get(0) instanceof Chunk.Literal literal) {
            return Pred.atom(expr + (cased ? " == " : " =~ ") + KqlPrinter.string(literal.text()));
        }
        if (n == 2 && any0 && chunks.get(1) instanceof Chunk.Literal literal) {
            return Pred.atom(expr + (cased ? " endswith_cs " : " endswith ") + KqlPrinter.string(literal.text()));
        }
        if (n == 2 && anyN && chunks.get(0) instanceof Chunk.Literal literal) {
            return Pred.atom(expr + (cased ? " startswith_cs " : " startswith ") + KqlPrinter.string(literal.text()));
        }
        if (n == 3 && any0 && anyN && chunks.get(1) instanceof Chunk.Literal literal) {
            return Pred.atom(expr + (cased ? " contains_cs " : " contains ") + KqlPrinter.string(literal.text()));
        }
        return Pred.atom(expr + " matches regex " + KqlPrinter.string(regex(chunks, cased)));
    }

    /**
     * One pattern against a multi-valued field: {@code expr} holds one value per line, and the pattern
     * must match a whole line ({@code (?m)} anchors, wildcards that do not cross a line break).
     */
    static Pred matchAnyLine(String expr, List<Chunk> chunks, boolean cased) {
        int n = chunks.size();
        if (n == 0) {
            return Pred.atom("isempty(" + expr + ")");
        }
        if (n == 1 && chunks.get(0) instanceof Chunk.AnyChars) {
            return Pred.atom("isnotempty(" + expr + ")");
        }
        if (n == 3 && chunks.get(0) instanceof Chunk.AnyChars && chunks.get(2) instanceof Chunk.AnyChars
                && chunks.get(1) instanceof Chunk.Literal literal) {
            return Pred.atom(expr + (cased ? " contains_cs " : " contains ") + KqlPrinter.string(literal.text()));
        }
        StringBuilder pattern = new StringBuilder(cased ? "(?m)^" : "(?im)^");
        for (Chunk chunk : chunks) {
            if (chunk instanceof Chunk.Literal literal) {
                pattern.append(KqlPrinter.regexLiteral(literal.text()));
            } else {
                pattern.append(chunk instanceof Chunk.OneChar ? "[^\\n]" : "[^\\n]*");
            }
        }
        pattern.append('$');
        return Pred.atom(expr + " matches regex " + KqlPrinter.string(pattern.toString()));
    }

    /** An anchored RE2 pattern equivalent to the chunks ({@code (?s)} so {@code *} spans line breaks). */
    static String regex(List<Chunk> chunks, boolean cased) {
        StringBuilder pattern = new StringBuilder(cased ? "(?s)" : "(?is)");
        if (!(chunks.get(0) instanceof Chunk.AnyChars)) {
            pattern.append('^');
        }
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            if (chunk instanceof Chunk.Literal literal) {
                pattern.append(KqlPrinter.regexLiteral(literal.text()));
            } else if (chunk instanceof Chunk.OneChar) {
                pattern.append('.');
            } else if (i > 0 && i < chunks.size() - 1) {
                pattern.append(".*");
            }
        }
        if (!(chunks.get(chunks.size() - 1) instanceof Chunk.AnyChars)) {
            pattern.append('$');
        }
        return pattern.toString();
    }

    /** Evaluates the pattern against a known value (for constant fields), the way the KQL would. */
    static boolean matchesConstant(String value, List<Chunk> chunks, boolean cased) {
        StringBuilder pattern = new StringBuilder();
        for (Chunk chunk : chunks) {
            if (chunk instanceof Chunk.Literal literal) {
                pattern.append(Pattern.quote(literal.text()));
            } else {
                pattern.append(chunk instanceof Chunk.OneChar ? "." : ".*");
            }
        }
        int flags = Pattern.DOTALL | (cased ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(pattern.toString(), flags).matcher(value).matches();
    }
}
