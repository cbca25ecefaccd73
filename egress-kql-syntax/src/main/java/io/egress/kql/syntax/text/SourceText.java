package io.egress.kql.syntax.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Source text with a line index, so offsets can be turned into 1-based line and column when printing. */
public final class SourceText {
    private final String text;
    private final int[] lineStarts;

    public SourceText(String text) {
        this.text = Objects.requireNonNull(text, "text");
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                starts.add(i + 1);
            } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public String slice(Span span) {
        int start = Math.min(span.start(), text.length());
        int end = Math.min(span.end(), text.length());
        return text.substring(start, end);
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset (offsets past the end map to the last line). */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset, counting UTF-16 units (a tab counts as one). */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The text of a 1-based line, without its line terminator. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return "SourceText[" + text.length() + " chars, " + lineStarts.length + " lines]";
    }
}
