package io.egress.kql.engine.functions.terms;

/**
 * What a term character is. Kusto's docs: "each string value is broken into maximal sequences of
 * alphanumeric characters" (datatypes-string-operators); a mirrored copy of that page says "ASCII
 * alphanumeric". We follow the ASCII reading: only [A-Za-z0-9] are term characters, so a non-ASCII
 * letter (é, ß, Cyrillic) is a separator.
 */
public final class Terms {
    private Terms() {
    }

    public static boolean isTermChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Case folding that keeps the length (char by char), used for the case-insensitive operators. */
    public static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    public static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? s : new String(out);
    }
}
