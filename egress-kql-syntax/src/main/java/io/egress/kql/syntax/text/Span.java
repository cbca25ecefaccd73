package io.egress.kql.syntax.text;

/** A region of the source text: start offset (0-based, UTF-16 units) and length. */
public record Span(int start, int length) {
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("bad span " + start + "+" + length);
        }
    }

    public static Span of(int start, int end) {
        return new Span(start, Math.max(0, end - start));
    }

    public int end() {
        return start + length;
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        return Span.of(Math.min(start, other.start), Math.max(end(), other.end()));
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end();
    }

    @Override
    public String toString() {
        return start + "+" + length;
    }
}
