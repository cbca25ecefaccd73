package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.read.TelemetryReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Seeded property tests: every fixture, truncated anywhere or with bytes flipped, is read by its reader and
 * by the loader without an exception escaping, without hanging, and with every event and problem located.
 */
class ReaderFuzzTest {
    private static final List<String> FIXTURES = List.of(
            "t1_ftp/sysmon-wevtutil.xml", "t1_ftp/security-4688.xml", "t2_http/winlogbeat.ndjson",
            "t3_dns/sysmon-evtx-dump.json", "t4_smtp/nxlog.json", "t5_linux_ftp/audit.log", "t5_linux_ftp/syslog");

    @Provide
    Arbitrary<String> fixtures() {
        return Arbitraries.of(FIXTURES);
    }

    @Property(tries = 200, seed = "20261128")
    void truncationNeverCrashes(@ForAll("fixtures") String fixture, @ForAll double fraction) throws IOException {
        byte[] bytes = Files.readAllBytes(AtomicFixturesTest.fixture(fixture));
        int cut = (int) Math.floor(Math.abs(fraction) % 1.0 * bytes.length);
        check(fixture, java.util.Arrays.copyOf(bytes, cut));
    }

    @Property(tries = 300, seed = "4104")
    void byteFlipsNeverCrash(@ForAll("fixtures") String fixture, @ForAll long seed) throws IOException {
        byte[] bytes = Files.readAllBytes(AtomicFixturesTest.fixture(fixture));
        java.util.Random random = new java.util.Random(seed);
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) '<';
                case 2 -> (byte) '"';
                default -> (byte) '\n';
            };
        }
        check(fixture, bytes);
    }

    private static void check(String fixture, byte[] bytes) {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> checkNow(fixture, bytes));
    }

    private static void checkNow(String fixture, byte[] bytes) throws IOException {
        // the reader the original fixture is detected as, fed the damaged bytes directly
        byte[] original = Files.readAllBytes(AtomicFixturesTest.fixture(fixture));
        TelemetryReader reader = Readers.detect(original, original.length).orElseThrow();
        List<Object> seen = new ArrayList<>();
        reader.read(new ByteArrayInputStream(bytes), fixture, new EventSink() {
            @Override
            public void event(RawEvent event) {
                assertThat(event.location().file()).isEqualTo(fixture);
                seen.add(event);
            }

            @Override
            public void malformed(Malformed problem) {
                assertThat(problem.location().file()).isEqualTo(fixture);
                assertThat(problem.reason()).isNotBlank();
                seen.add(problem);
            }
        });
        // and the whole loader, with its own detection, over the same bytes
        java.nio.file.Path temp = Files.createTempFile("fuzz", ".bin");
        try {
            Files.write(temp, bytes);
            LoadResult result = new TelemetryLoader().load(List.of(temp), LoadOptions.defaults());
            assertThat(result.files()).hasSize(1);
            FileReport report = result.files().get(0);
            assertThat(report.problems().size()).isEqualTo((int) Math.min(report.malformed(), FileReport.MAX_PROBLEMS));
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
