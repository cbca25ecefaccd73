package io.egress.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The byte-level ISO fast path: exactly java.time's dates, and never a different answer from the general parser. */
class IsoInstantsTest {
    /** Every year, every month and the days around month ends, valid or not, as {@link LocalDate} decides. */
    @Test
    void datesAreExactlyThoseOfJavaTime() {
        int[] days = {0, 1, 15, 28, 29, 30, 31, 32};
        for (int year = 0; year <= 9999; year++) {
            for (int month = 0; month <= 13; month++) {
                for (int day : days) {
                    String text = String.format("%04d-%02d-%02dT01:02:03Z", year, month, day);
                    assertThat(parse(text)).as(text).isEqualTo(expected(year, month, day));
                }
            }
        }
    }

    private static Instant expected(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).atTime(1, 2, 3).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Text near the fast form (random digits, separators and fraction lengths): the fast path gives the
     * general parser's instant or nothing, and {@code valid} says which, over bytes, characters and strings.
     */
    @Property(tries = 5000)
    void agreesWithTheGeneralParser(@ForAll("nearIso") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Instant fast = IsoInstants.parse(bytes, 0, bytes.length);
        if (fast != null) {
            assertThat(ValueConverter.parseDateTime(text)).as(text).contains(fast);
        }
        assertThat(IsoInstants.valid(bytes, 0, bytes.length)).as(text).isEqualTo(fast != null);
        assertThat(IsoInstants.parse(text)).as(text).isEqualTo(fast);
        assertThat(IsoInstants.parse(text.toCharArray(), 0, text.length())).as(text).isEqualTo(fast);
        Statistics.label("fast").collect(fast != null);
        Statistics.label("fast").coverage(c -> c.check(true).percentage(p -> p > 5));
    }

    /** Fields a little beyond their ranges, fractions of 0 to 11 digits, and now and then one character changed. */
    @Provide
    Arbitrary<String> nearIso() {
        Arbitrary<String> fields = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
                Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 60), Arbitraries.strings().numeric().ofMaxLength(11),
                Arbitraries.of("Z", "Z", "z", "", "+00:00"))
                .as((y, mo, d, h, mi, s, f, zone) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", y, mo, d, h,
                        mi, s, f.isEmpty() ? "" : "." + f, zone));
        Arbitrary<Character> odd = Arbitraries.of('T', 't', ' ', '-', ':', '.', 'x', 'Z', '/', '0', '\u0660', '\u00e9');
        return Combinators.combine(fields, Arbitraries.integers().between(0, 60), odd).as((text, at, c) ->
                at >= text.length() ? text : text.substring(0, at) + c + text.substring(at + 1));
    }

    @Test
    void leavesEverythingUnusualToTheGeneralParser() {
        for (String text : new String[] {"2026-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-20T24:00:00Z",
            "2026-11-20T10:60:00Z", "2026-11-20T10:00:60Z", "2026-11-20T10:00:00.Z", "2026-11-20T10:00:00.1234567890Z",
            "2026-1x-20T10:00:00Z", "2026-11-20T10:00:00+00:00", "2026-11-20 10:00:00Z", "2026-11-20T10:00:00\u00e9Z"}) {
            assertThat(parse(text)).as(text).isNull();
        }
        assertThat(parse("2024-02-29T23:59:59.1z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.100Z"));
        assertThat(parse("2026-01-15T11:00:00.123456789Z")).isEqualTo(Instant.parse("2026-01-15T11:00:00.123456789Z"));
    }

    private static Instant parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return IsoInstants.parse(bytes, 0, bytes.length);
    }
}
