package io.egress.telemetry.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into UTF-8 lines (LF or CRLF), numbering them from 1, with a hard length bound:
 * a line longer than the bound is returned as {@link Line#oversized()} with its text cut off, and
 * reading resumes at the next line. Memory stays bounded by the limit whatever the input.
 */
public final class LineSource {
    /** One line: its 1-based number, its text (without the terminator), and whether it was cut. */
    public record Line(long number, String text, boolean oversized) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long lineNumber;
    private byte[] line = new byte[256];
    private boolean first = true;

    public LineSource(InputStream in, int maxBytes) {
        this.in = Objects.requireNonNull(in, "in");
        this.maxBytes = maxBytes;
    }

    public LineSource(InputStream in) {
        this(in, Limits.MAX_LINE_BYTES);
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        int length = 0;
        boolean oversized = false;
        boolean sawAny = false;
        while (true) {
            if (position >= limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            if (!oversized) {
                if (length + chunk > maxBytes) {
                    int keep = Math.max(0, Math.min(chunk, maxBytes - length));
                    append(start, keep, length);
                    length += keep;
                    oversized = true;
                } else {
                    append(start, chunk, length);
                    length += chunk;
                }
            }
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        int offset = 0;
        if (first) {
            first = false;
            if (length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                offset = 3;
            }
        }
        if (length > offset && line[length - 1] == '\r') {
            length--;
        }
        String text = new String(line, offset, Math.max(0, length - offset), StandardCharsets.UTF_8);
        if (line.length > 1 << 16 && length < 1 << 12) {
            line = new byte[256];
        }
        return new Line(lineNumber, text, oversized);
    }

    private void append(int start, int count, int at) {
        if (count <= 0) {
            return;
        }
        if (at + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, at + count));
        }
        System.arraycopy(buffer, start, line, at, count);
    }
}
