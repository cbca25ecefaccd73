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
    /** The formatter the zone-less forms went through before their fast path (the reference). */
    private static final DateTimeFormatter LOCAL = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    /**
     * Zone-less and space-separated times (Sysmon's UtcTime) read by the fast path equal what the
     * formatter gives, over field values in and out of range (Feb 30, hour 24, 10-digit fractions).
     */
    @Property(tries = 3000)
    void spacedFastPathAgreesWithTheFormatter(@ForAll @IntRange(min = 0, max = 9999) int year,
                                             @ForAll @IntRange(min = 0, max = 13) int month,
                                             @ForAll @IntRange(min = 0, max = 32) int day,
                                             @ForAll @IntRange(min = 0, max = 24) int hour,
                                             @ForAll @IntRange(min = 0, max = 60) int minute,
                                             @ForAll @IntRange(min = 0, max = 60) int second,
                                             @ForAll @IntRange(min = -1, max = 10) int fractionDigits,
                                             @ForAll @IntRange(min = 0, max = 3) int shape) {
        String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d", year, month, day,
                shape % 2 == 0 ? " " : "T", hour, minute, second);
        if (fractionDigits == 0) {
            text += ".";
        } else if (fractionDigits > 0) {
            text += "." + "1234567890".substring(0, fractionDigits);
        }
        boolean zoned = shape >= 2;
        Instant expected;
        try {
            expected = java.time.LocalDateTime.parse(text, LOCAL).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            expected = null;
        }
        if (zoned) {
            text += "Z";
            if (shape == 3 && EventTimes.isoUtc(text) != null) {
                expected = EventTimes.isoUtc(text); // the ISO form came first before the fast path too
            }
        }
        assertThat(EventTimes.parse(text)).as(text).isEqualTo(expected);
    }

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
