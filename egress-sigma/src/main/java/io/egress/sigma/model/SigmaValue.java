package io.egress.sigma.model;

import java.util.List;
import java.util.Objects;

/** One value of a Sigma field or keyword: a string (with wildcards), a number, a boolean, or null. */
public sealed interface SigmaValue {

    /**
     * A string value split into literal text and wildcards ({@code *} → {@link Chunk.AnyChars},
     * {@code ?} → {@link Chunk.OneChar}); escapes ({@code \*}, {@code \?}, {@code \\}) are already resolved.
     */
    record SigmaString(String raw, List<Chunk> chunks) implements SigmaValue {
        public SigmaString {
            Objects.requireNonNull(raw, "raw");
            chunks = List.copyOf(chunks);
        }

        /** A string of plain text with no wildcards. */
        public static SigmaString literal(String text) {
            return new SigmaString(text, text.isEmpty() ? List.of() : List.of(new Chunk.Literal(text)));
        }

        public boolean hasWildcards() {
            return chunks.stream().anyMatch(c -> !(c instanceof Chunk.Literal));
        }

        /** The text with wildcards dropped and escapes resolved (meaningful when {@link #hasWildcards()} is false). */
        public String plain() {
            StringBuilder text = new StringBuilder();
            for (Chunk chunk : chunks) {
                if (chunk instanceof Chunk.Literal literal) {
                    text.append(literal.text());
                }
            }
            return text.toString();
        }
    }

    /** A YAML number, kept as written (for example {@code 4688} or {@code 0.5}). */
    record SigmaNumber(String text) implements SigmaValue {
        public SigmaNumber {
            Objects.requireNonNull(text, "text");
        }
    }

    record SigmaBool(boolean value) implements SigmaValue {
    }

    /** YAML {@code null} (or an empty value): the field is empty or absent. */
    record SigmaNull() implements SigmaValue {
    }

    /** A piece of a {@link SigmaString}. */
    sealed interface Chunk {
        record Literal(String text) implements Chunk {
        }

        /** {@code *}: any run of characters, possibly empty. */
        record AnyChars() implements Chunk {
        }

        /** {@code ?}: exactly one character. */
        record OneChar() implements Chunk {
        }
    }
}
