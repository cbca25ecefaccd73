package io.egress.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The eight-bytes-at-a-time scans against byte-by-byte ones. */
class BytesTest {
    @Property(tries = 3000)
    void plainRunStopsAtTheFirstSpecialByte(@ForAll("text") byte[] b, @ForAll @IntRange(max = 40) int from,
                                            @ForAll @IntRange(max = 40) int cut) {
        from = Math.min(from, b.length);
        int to = Math.max(from, b.length - cut);
        int expected = from;
        while (expected < to && b[expected] >= 0x20 && b[expected] != '"' && b[expected] != '\\') {
            expected++;
        }
        int run = Bytes.plainRun(b, from, to);
        // exact, or stopped early in the last seven bytes of the range
        assertThat(run).isBetween(from, expected);
        assertThat(run == expected || run > to - 8).isTrue();
    }

    @Property(tries = 1000)
    void indexOfNewlineFindsTheFirstOne(@ForAll("text") byte[] b, @ForAll @IntRange(max = 40) int from) {
        from = Math.min(from, b.length);
        int expected = -1;
        for (int i = from; i < b.length && expected < 0; i++) {
            expected = b[i] == '\n' ? i : -1;
        }
        assertThat(Bytes.indexOfNewline(b, from, b.length)).isEqualTo(expected);
    }

    /** Mostly plain text, with quotes, backslashes, control bytes, 0x20, 0x7F and bytes above 0x7F here and there. */
    @Provide
    Arbitrary<byte[]> text() {
        Arbitrary<Byte> plain = Arbitraries.bytes().between((byte) 0x21, (byte) 0x7E);
        Arbitrary<Byte> odd = Arbitraries.of((byte) '"', (byte) '\\', (byte) '\n', (byte) 0, (byte) 0x1F, (byte) 0x20,
                (byte) 0x7F, (byte) 0x80, (byte) 0xC3, (byte) 0xFF, (byte) 0x21, (byte) 0x5B, (byte) 0x5D);
        return Arbitraries.frequencyOf(Tuple.of(30, plain), Tuple.of(1, odd))
                .array(byte[].class).ofMaxSize(80);
    }
}
