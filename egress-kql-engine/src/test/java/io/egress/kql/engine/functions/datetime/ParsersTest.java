package io.egress.kql.engine.functions.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The datetime and timespan text forms from Kusto's docs (scalar data types pages). */
class ParsersTest {
    static Stream<Arguments> datetimes() {
        return Stream.of(
                Arguments.of("2014-05-25T08:20:03.123456Z", "2014-05-25T08:20:03.123456Z"),
                Arguments.of("2014-05-25T08:20:03.123456", "2014-05-25T08:20:03.123456Z"),
                Arguments.of("2014-05-25T08:20:03.1234567Z", "2014-05-25T08:20:03.1234567Z"),
                Arguments.of("2014-05-25T08:20:03.123456789Z", "2014-05-25T08:20:03.1234567Z"),
                Arguments.of("2014-05-25T08:20", "2014-05-25T08:20:00Z"),
                Arguments.of("2014-11-08 15:55:55.123456Z", "2014-11-08T15:55:55.123456Z"),
                Arguments.of("2014-11-08 15:55:55", "2014-11-08T15:55:55Z"),
                Arguments.of("2014-11-08 15:55", "2014-11-08T15:55:00Z"),
                Arguments.of("2014-11-08", "2014-11-08T00:00:00Z"),
                Arguments.of("2024-01-01 10:00:00", "2024-01-01T10:00:00Z"),
                Arguments.of("2014-05-25T08:20:03+02:00", "2014-05-25T06:20:03Z"),
                // RFC 822 / 1123 / 850
                Arguments.of("Sat, 8 Nov 14 15:05:02 GMT", "2014-11-08T15:05:02Z"),
                Arguments.of("Sat, 8 Nov 14 15:05 GMT", "2014-11-08T15:05:00Z"),
                Arguments.of("8 Nov 14 15:05:02 GMT", "2014-11-08T15:05:02Z"),
                Arguments.of("8 Nov 14 15:05 GMT", "2014-11-08T15:05:00Z"),
                Arguments.of("Sat, 08 Nov 2014 15:05:02 GMT", "2014-11-08T15:05:02Z"),
                Arguments.of("Saturday, 08-Nov-14 15:05:02 GMT", "2014-11-08T15:05:02Z"),
                Arguments.of("Saturday, 08-Nov-14 15:05 GMT", "2014-11-08T15:05:00Z"),
                Arguments.of("08-Nov-14 15:05:02 GMT", "2014-11-08T15:05:02Z"),
                Arguments.of("Sat, 8 Nov 14 10:05:02 EST", "2014-11-08T15:05:02Z"),
                Arguments.of("Sat, 8 Nov 14 15:05:02", "2014-11-08T15:05:02Z"),
                Arguments.of("Saturday, 08-Nov-14 15:05", "2014-11-08T15:05:00Z"),
                Arguments.of("2014-11-08 15:05:25 GMT", "2014-11-08T15:05:25Z"),
                Arguments.of("2014-11-08T15:05 GMT", "2014-11-08T15:05:00Z"),
                Arguments.of("2015-12-31 23:59:59.9", "2015-12-31T23:59:59.9Z"),
                Arguments.of("20140508", "2014-05-08T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datetimes")
    void parsesDatetimes(String text, String expected) {
        assertThat(KqlDateTimes.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2014-13-01", "2014-02-30", "yesterday", "2014-05-25T25:00", "Sat, 8 Foo 14 15:05 GMT"})
    void rejectsInvalidDatetimes(String text) {
        assertThat(KqlDateTimes.parse(text)).isEmpty();
    }

    static Stream<Arguments> timespans() {
        return Stream.of(
                Arguments.of("2d", Duration.ofDays(2)),
                Arguments.of("1.5h", Duration.ofMinutes(90)),
                Arguments.of("30m", Duration.ofMinutes(30)),
                Arguments.of("10s", Duration.ofSeconds(10)),
                Arguments.of("0.1s", Duration.ofMillis(100)),
                Arguments.of("100ms", Duration.ofMillis(100)),
                Arguments.of("10microsecond", Duration.ofNanos(10_000)),
                Arguments.of("1tick", Duration.ofNanos(100)),
                Arguments.of("3days", Duration.ofDays(3)),
                Arguments.of("1d 2h 30m 10s", Duration.ofDays(1).plusHours(2).plusMinutes(30).plusSeconds(10)),
                Arguments.of("-1d", Duration.ofDays(-1)),
                Arguments.of("00:30:00", Duration.ofMinutes(30)),
                Arguments.of("1.02:03:04.5", Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500)),
                Arguments.of("-00:00:01", Duration.ofSeconds(-1)),
                Arguments.of("10:20", Duration.ofHours(10).plusMinutes(20)),
                Arguments.of("0.00:00:00.0000001", Duration.ofNanos(100)),
                Arguments.of("2", Duration.ofDays(2)),
                Arguments.of("15 seconds", Duration.ofSeconds(15)),
                Arguments.of("0.12:34:56.7", Duration.ofHours(12).plusMinutes(34).plusSeconds(56).plusMillis(700)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timespans")
    void parsesTimespans(String text, Duration expected) {
        assertThat(KqlTimespans.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1x", "25:00", "1d x", "--1d"})
    void rejectsInvalidTimespans(String text) {
        assertThat(KqlTimespans.parse(text)).isEmpty();
    }
}
