package io.egress.sigma.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The value transformations of Sigma's encoding and {@code windash} modifiers. */
public final class Encodings {
    /** The characters {@code windash} substitutes for a leading dash or slash. */
    public static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

    private Encodings() {
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] utf16le(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    public static byte[] utf16be(String text) {
        return text.getBytes(StandardCharsets.UTF_16BE);
    }

    /** UTF-16 with a byte-order mark, little-endian ({@code FF FE} first), as the specification's example shows. */
    public static byte[] utf16(String text) {
        byte[] body = utf16le(text);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The three forms {@code bytes} takes inside a longer base64 text, for offsets 0, 1 and 2 bytes: the
     * encoding of the value shifted by padding bytes, with the characters that depend on neighbours cut off.
     */
    public static List<String> base64Offsets(byte[] bytes) {
        int[] start = {0, 2, 3};
        int[] endCut = {0, 3, 2};
        List<String> variants = new ArrayList<>(3);
        for (int i = 0; i < 3; i++) {
            byte[] shifted = new byte[bytes.length + i];
            for (int j = 0; j < i; j++) {
                shifted[j] = ' ';
            }
            System.arraycopy(bytes, 0, shifted, i, bytes.length);
            String encoded = base64(shifted);
            int end = encoded.length() - endCut[(bytes.length + i) % 3];
            variants.add(start[i] <= end ? encoded.substring(start[i], end) : "");
        }
        return variants;
    }

    /**
     * Positions in {@code text} of a dash or slash that starts an option: not preceded by a word character
     * and followed by one (regex {@code \B[-/]\b}).
     */
    public static List<Integer> dashPositions(String text) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '-' || c == '/')
                    && (i == 0 || !isWord(text.charAt(i - 1)))
                    && i + 1 < text.length() && isWord(text.charAt(i + 1))) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** Every variant of {@code text} with each option dash replaced by each of {@link #DASHES}. */
    public static List<String> windash(String text) {
        List<Integer> positions = dashPositions(text);
        List<String> variants = new ArrayList<>(List.of(""));
        int from = 0;
        for (int position : positions) {
            String between = text.substring(from, position);
            List<String> next = new ArrayList<>();
            for (String prefix : variants) {
                for (String dash : DASHES) {
                    next.add(prefix + between + dash);
                }
            }
            variants = next;
            from = position + 1;
        }
        String tail = text.substring(from);
        return variants.stream().map(v -> v + tail).toList();
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
