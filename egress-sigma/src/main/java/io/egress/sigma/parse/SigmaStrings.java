package io.egress.sigma.parse;

import io.egress.sigma.model.SigmaValue.Chunk;
import io.egress.sigma.model.SigmaValue.SigmaString;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Sigma string value: {@code *} and {@code ?} are wildcards, and a backslash escapes
 * {@code *}, {@code ?} or another backslash; a backslash before any other character is itself.
 */
public final class SigmaStrings {
    private SigmaStrings() {
    }

    public static SigmaString parse(String raw) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isSpecial(raw.charAt(i + 1))) {
                literal.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, chunks);
                chunks.add(c == '*' ? new Chunk.AnyChars() : new Chunk.OneChar());
            } else {
                literal.append(c);
            }
        }
        flush(literal, chunks);
        return new SigmaString(raw, chunks);
    }

    /** Writes a literal back in Sigma notation (wildcards and backslashes before them escaped). */
    public static String escape(String literal) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?') {
                text.append('\\');
            } else if (c == '\\' && i + 1 < literal.length() && isSpecial(literal.charAt(i + 1))) {
                text.append('\\');
            }
            text.append(c);
        }
        return text.toString();
    }

    private static boolean isSpecial(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static void flush(StringBuilder literal, List<Chunk> chunks) {
        if (literal.length() > 0) {
            chunks.add(new Chunk.Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
