package io.egress.store.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.egress.data.ScalarType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Blocks decode to the values encoded, whichever rows a read keeps: the varint walk of datetimes and
 * the dictionary walk read their bytes in words and loops of their own, with a slower path for the
 * last bytes of a block and for long varints.
 */
class ColumnCodecTest {
    /** Seconds from next to each other to the ends of Instant's range, so deltas take 1 to 10 varint bytes. */
    @Provide
    Arbitrary<Long> seconds() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1_768_000_000L, 1_768_100_000L),
                Arbitraries.longs().between(-5, 5),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()));
    }

    @Provide
    Arbitrary<List<Instant>> instants() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.integers().between(0, 9_999_999).map(n -> n * 100));
        Arbitrary<Instant> one = Combinators.combine(seconds(), nanos).as(Instant::ofEpochSecond);
        return one.injectNull(0.1).list().ofMaxSize(300);
    }

    @Provide
    Arbitrary<List<Boolean>> keeps() {
        return Arbitraries.oneOf(Arbitraries.of(true, false).list().ofSize(300),
                Arbitraries.of(true, false, false, false, false, false, false).list().ofSize(300));
    }

    @Property(tries = 400)
    void datetimesDecodeForEveryKeepMask(@ForAll("instants") List<Instant> values, @ForAll("keeps") List<Boolean> keeps) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new Object[] {v}));
        assertRoundTrip(ScalarType.DATETIME, rows, keeps);
    }

    @Property(tries = 200)
    void timespansDecodeForEveryKeepMask(@ForAll("instants") List<Instant> values, @ForAll("keeps") List<Boolean> keeps) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new Object[] {v == null ? null : Duration.ofSeconds(v.getEpochSecond(), v.getNano())}));
        assertRoundTrip(ScalarType.TIMESPAN, rows, keeps);
    }

    /** Texts of 0 to 300 bytes, so some lengths take two varint bytes, some repeated. */
    @Property(tries = 200)
    void dictionariesDecodeForEveryKeepMask(@ForAll("texts") List<String> values, @ForAll("keeps") List<Boolean> keeps) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach(v -> rows.add(new Object[] {v}));
        assertRoundTrip(ScalarType.STRING, rows, keeps);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars('é', '日').ofMaxLength(300);
        return Arbitraries.oneOf(text.list().ofMaxSize(200), Arbitraries.of("a", "", "curl -T x ftp://h").list().ofMaxSize(200));
    }

    private static void assertRoundTrip(ScalarType type, List<Object[]> rows, List<Boolean> keeps) {
        for (int version = 1; version <= SegmentFormat.VERSION; version++) {
            ColumnCodec.Encoded encoded = ColumnCodec.encode(type, rows, 0, version);
            byte[] block = Arrays.copyOf(encoded.block().array(), encoded.block().size());
            int n = rows.size();
            Object[] all = new Object[n];
            ColumnCodec.decode(type, encoded.encoding(), block, n, all, 0, new StringPool(), null, null);
            boolean[] keep = new boolean[n];
            for (int i = 0; i < n; i++) {
                keep[i] = keeps.get(i);
            }
            Object[] some = new Object[n + 3];
            ColumnCodec.decode(type, encoded.encoding(), block, n, some, 3, new StringPool(), keep, null);
            for (int i = 0; i < n; i++) {
                Object expected = rows.get(i)[0] == null && type == ScalarType.STRING ? "" : rows.get(i)[0];
                assertThat(all[i]).as("version %d row %d", version, i).isEqualTo(expected);
                if (keep[i]) {
                    assertThat(some[3 + i]).as("version %d kept row %d", version, i).isEqualTo(expected);
                }
            }
        }
    }

    @Property(tries = 1000)
    void gatherPacksTheSevenBitGroupsOfAVarint(@ForAll long value) {
        long v = value >>> 8; // at most 56 bits: 8 varint bytes
        ByteSink sink = new ByteSink(16);
        sink.writeVarLong(v);
        byte[] bytes = Arrays.copyOf(sink.array(), 8);
        long word = 0;
        for (int k = 0; k < sink.size(); k++) {
            word |= (bytes[k] & 0xFFL) << (8 * k);
        }
        assertThat(ByteSource.gather(word)).isEqualTo(v);
    }

    @Test
    void aTruncatedDatetimeBlockIsCorruptNotAWrongValue() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Object[] {Instant.ofEpochSecond(1_768_000_000L + i * 7919L, i * 123_456_700)});
        }
        ColumnCodec.Encoded encoded = ColumnCodec.encode(ScalarType.DATETIME, rows, 0, SegmentFormat.VERSION);
        byte[] cut = Arrays.copyOf(encoded.block().array(), encoded.block().size() - 2);
        assertThatThrownBy(() -> ColumnCodec.decode(ScalarType.DATETIME, encoded.encoding(), cut, 50, new Object[50], 0,
                new StringPool(), null, null)).isInstanceOf(CorruptSegmentException.Unchecked.class);
    }
}
