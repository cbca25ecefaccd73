package io.egress.telemetry.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventTimesTest {
    /** The fast path agrees with java.time on every instant and fraction length it accepts. */
    @Property(tries = 2000)
    void fastIsoPathAgreesWithJavaTime(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
                                       @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                       @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String text = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime()
                .truncatedTo(ChronoUnit.SECONDS));
        long cut = nanos;
        for (int i = fractionDigits; i < 9; i++) {
            cut /= 10;
        }
        if (fractionDigits > 0) {
            text += "." + String.format("%0" + fractionDigits + "d", cut);
        }
        text += "Z";
        assertThat(EventTimes.isoUtc(text)).as(text).isEqualTo(Instant.parse(text));
        assertThat(EventTimes.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-20T07:12:44.5120000Z, 2026-11-20T07:12:44.512Z",
            "2026-11-20T07:12:44Z, 2026-11-20T07:12:44Z",
            "2024-02-29T23:59:59.1Z, 2024-02-29T23:59:59.100Z",
            "2026-11-20T07:12:44.5120000+02:00, 2026-11-20T05:12:44.512Z",
            "2026-11-20 07:12:44.512, 2026-11-20T07:12:44.512Z",
            "1795185011.482, 2026-11-20T14:30:11.482Z"})
    void readsTheShapesTelemetryUses(String text, String expected) {
        assertThat(EventTimes.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T10:60:00Z",
            "2026-11-20T10:00:00.Z", "2026-11-20T10:00:00.1234567890Z", "2026-1x-20T10:00:00Z"})
    void fastPathLeavesEverythingUnusualToTheGeneralParser(String text) {
        assertThat(EventTimes.isoUtc(text)).isNull();
    }
}
