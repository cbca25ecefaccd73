package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.egress.data.SharedData;
import io.egress.telemetry.event.Malformed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Truncated and bit-flipped files: the reader never throws, never hangs, never hits an internal error,
 * and whenever what it reads differs from the intact file it has reported at least one problem
 * (CRC32 checks cover every byte that matters except the header flag words, which the reader ignores).
 */
class EvtxFuzzTest {
    private static final byte[] FIXTURE = EvtxFixture.file(List.of(
            List.of(EvtxFixture.sample(0), EvtxFixture.sample(1), EvtxFixture.sample(2)),
            List.of(EvtxFixture.sample(3))));
    private static final CollectingSink INTACT = CollectingSink.read(FIXTURE, "f");

    @Property(tries = 400)
    void flippedBytesAreReportedNeverThrown(@ForAll("flips") List<Integer> positions, @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] mutated = FIXTURE.clone();
        for (int position : positions) {
            mutated[position] ^= (byte) mask;
        }
        check(mutated, INTACT);
    }

    @Property(tries = 300)
    void truncationIsReportedNeverThrown(@ForAll("lengths") int length) {
        byte[] truncated = java.util.Arrays.copyOf(FIXTURE, length);
        CollectingSink sink = check(truncated, INTACT);
        if (length < FIXTURE.length) {
            assertThat(sink.problems).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<List<Integer>> flips() {
        // bias towards the chunk headers and the first records, where the structure is
        Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, FIXTURE.length - 1);
        Arbitrary<Integer> structure = Arbitraries.integers().between(4096, 4096 + 2048);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, anywhere), net.jqwik.api.Tuple.of(3, structure)).list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.integers().between(0, FIXTURE.length);
    }

    @Test
    void corpusFilesSurviveSeededMutations() throws IOException {
        Path regression = SharedData.resolve("corpus/sigma/regression_data").orElse(null);
        Assumptions.assumeTrue(regression != null, "shared corpus absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regression)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().limit(60).collect(Collectors.toList());
        }
        Random random = new Random(20261128L);
        int mutations = 0;
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            CollectingSink intact = CollectingSink.read(original, "f");
            for (int round = 0; round < 30; round++) {
                byte[] mutated;
                if (round % 3 == 0) {
                    mutated = java.util.Arrays.copyOf(original, random.nextInt(original.length));
                } else {
                    mutated = original.clone();
                    int flips = 1 + random.nextInt(6);
                    for (int i = 0; i < flips; i++) {
                        // most flips land in the used part of the chunk: header, records
                        int position = random.nextInt(4) == 0 ? random.nextInt(original.length) : 4096 + random.nextInt(8192);
                        mutated[position] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                check(mutated, intact);
                mutations++;
            }
        }
        assertThat(mutations).isGreaterThanOrEqualTo(files.size() * 30);
    }

    private static CollectingSink check(byte[] bytes, CollectingSink intact) {
        CollectingSink sink = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CollectingSink.read(bytes, "f"));
        assertThat(sink.problems).extracting(Malformed::reason).noneMatch(r -> r.contains("internal decoder error"));
        assertThat(sink.problems).allSatisfy(p -> assertThat(p.location().offset()).isBetween(0L, (long) bytes.length));
        if (!sink.events.equals(intact.events)) {
            assertThat(sink.problems).as("a changed read must come with a reported problem").isNotEmpty();
        }
        return sink;
    }
}
