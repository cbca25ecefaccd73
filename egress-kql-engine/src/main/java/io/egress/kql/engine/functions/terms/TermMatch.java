package io.egress.kql.engine.functions.terms;

/** One boundary-respecting occurrence of {@code needle} in a haystack, at {@code [start, end)}. */
public record TermMatch(String needle, int start, int end) {
}
