package io.egress.telemetry.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Small helpers to look at the first bytes of a file: text encoding and the first meaningful characters. */
public final class TextSniff {
    private TextSniff() {
    }

    /** UTF-16 when the head has a UTF-16 BOM or the NUL pattern of ASCII in UTF-16, else UTF-8. */
    public static Charset charset(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        return StandardCharsets.UTF_8;
    }

    /** The head decoded as text (invalid bytes replaced), without a BOM. */
    public static String text(byte[] head, int length) {
        Charset charset = charset(head, length);
        String s = new String(head, 0, Math.max(0, length), charset);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s;
    }

    /** The first non-whitespace character of the head, or 0. */
    public static char firstSignificant(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /** A reader over the stream in the encoding its first bytes show, BOM skipped. */
    public static Reader reader(InputStream in) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 64 * 1024);
        buffered.mark(8);
        byte[] head = new byte[4];
        int n = buffered.readNBytes(head, 0, 4);
        buffered.reset();
        Charset charset = charset(head, n);
        InputStreamReader reader = new InputStreamReader(buffered, charset);
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int c = pushback.read();
        if (c >= 0 && c != '\uFEFF') {
            pushback.unread(c);
        }
        return pushback;
    }
}
