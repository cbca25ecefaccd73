package io.egress.sigma.compile;

import io.egress.sigma.Problem;
import io.egress.sigma.model.FieldMatch;
import io.egress.sigma.model.Modifier;
import io.egress.sigma.model.SigmaValue.SigmaString;
import io.egress.sigma.model.SigmaValue.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the value-transforming modifiers ({@code windash}, {@code utf16*}/{@code wide},
 * {@code base64}, {@code base64offset}) to one string, giving the alternatives any of which may match.
 */
final class ValueTransforms {
    /** More option dashes than this in one value would expand to more than 5^3 alternatives. */
    static final int MAX_WINDASH_POSITIONS = 3;
    private static final char ANY = '\uE000';
    private static final char ONE = '\uE001';

    private ValueTransforms() {
    }

    /** The alternatives, or a problem. */
    static Optional<Problem> apply(FieldMatch match, SigmaString value, List<SigmaString> out) {
        List<SigmaString> values = new ArrayList<>(List.of(value));
        if (match.has(Modifier.WINDASH)) {
            String coded = encodeWildcards(value);
            if (Encodings.dashPositions(coded).size() > MAX_WINDASH_POSITIONS) {
                return Optional.of(Problem.unsupported("windash on `" + value.raw() + "` has more than "
                        + MAX_WINDASH_POSITIONS + " option dashes"));
            }
            values = Encodings.windash(coded).stream().map(ValueTransforms::decodeWildcards).toList();
        }
        boolean base64 = match.has(Modifier.BASE64);
        boolean offset = match.has(Modifier.BASE64OFFSET);
        Modifier charset = match.modifiers().stream()
                .filter(m -> m == Modifier.UTF16LE || m == Modifier.UTF16BE || m == Modifier.UTF16 || m == Modifier.WIDE)
                .findFirst().orElse(null);
        if (charset != null && !base64 && !offset) {
            return Optional.of(Problem.unsupported("`" + match.key() + "`: " + charset.yamlName()
                    + " without base64 yields bytes, which no Defender text column holds"));
        }
        if (!base64 && !offset) {
            out.addAll(values);
            return Optional.empty();
        }
        if (base64 && offset) {
            return Optional.of(Problem.invalid("`" + match.key() + "` has both base64 and base64offset"));
        }
        for (SigmaString item : values) {
            if (item.hasWildcards()) {
                return Optional.of(Problem.unsupported("`" + match.key() + "`: cannot base64-encode a value with wildcards (`"
                        + item.raw() + "`)"));
            }
            String plain = item.plain();
            byte[] bytes = charset == null ? Encodings.utf8(plain)
                    : switch (charset) {
                        case UTF16BE -> Encodings.utf16be(plain);
                        case UTF16 -> Encodings.utf16(plain);
                        default -> Encodings.utf16le(plain);
                    };
            if (base64) {
                out.add(SigmaString.literal(Encodings.base64(bytes)));
            } else {
                Encodings.base64Offsets(bytes).forEach(v -> out.add(SigmaString.literal(v)));
            }
        }
        return Optional.empty();
    }

    private static String encodeWildcards(SigmaString value) {
        StringBuilder text = new StringBuilder();
        for (Chunk chunk : value.chunks()) {
            if (chunk instanceof Chunk.Literal literal) {
                text.append(literal.text());
            } else {
                text.append(chunk instanceof Chunk.AnyChars ? ANY : ONE);
            }
        }
        return text.toString();
    }

    private static SigmaString decodeWildcards(String coded) {
        List<Chunk> chunks = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (char c : coded.toCharArray()) {
            if (c == ANY || c == ONE) {
                if (literal.length() > 0) {
                    chunks.add(new Chunk.Literal(literal.toString()));
                    literal.setLength(0);
                }
                chunks.add(c == ANY ? new Chunk.AnyChars() : new Chunk.OneChar());
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            chunks.add(new Chunk.Literal(literal.toString()));
        }
        return new SigmaString(coded.replace(ANY, '*').replace(ONE, '?'), chunks);
    }
}
