package io.egress.kql.engine.functions;

import static io.egress.kql.engine.functions.Eval.dt;
import static io.egress.kql.engine.functions.Eval.ts;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Date and time functions; now() is 2024-05-01T12:00:00Z in {@link Eval#CTX}. */
class DateTimeFunctionsTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Row.of(dt("2024-04-30T12:00:00Z"), "ago", ts("1d")),
                Row.of(dt("2024-05-01T11:30:00Z"), "ago", ts("30m")),
                Row.of(dt("2024-05-01T12:00:00Z"), "now"),
                Row.of(dt("2024-05-01T10:00:00Z"), "now", ts("-2h")),
                Row.of(dt("2017-01-01"), "startofday", dt("2017-01-01 10:10:17")),
                Row.of(dt("2016-12-31"), "startofday", dt("2017-01-01 10:10:17"), -1L),
                Row.of(dt("2017-01-01T23:59:59.9999999Z"), "endofday", dt("2017-01-01 10:10:17")),
                // docs: startofweek starts on Sunday
                Row.of(dt("2017-01-01"), "startofweek", dt("2017-01-01 10:10:17")),
                Row.of(dt("2017-01-01"), "startofweek", dt("2017-01-07 10:10:17")),
                Row.of(dt("2017-01-07T23:59:59.9999999Z"), "endofweek", dt("2017-01-03")),
                Row.of(dt("2017-01-01"), "startofmonth", dt("2017-01-21 10:10:17")),
                Row.of(dt("2017-01-31T23:59:59.9999999Z"), "endofmonth", dt("2017-01-21")),
                Row.of(dt("2017-01-01"), "startofyear", dt("2017-05-21")),
                // docs: dayofweek(datetime(1947-11-30 10:00:05)) is Sunday = 0 days; 1970-05-11 is Monday = 1 day
                Row.of(ts("0d"), "dayofweek", dt("1947-11-30 10:00:05")),
                Row.of(ts("1d"), "dayofweek", dt("1970-05-11")),
                Row.of(10, "hourofday", dt("2015-12-14 10:54:00")),
                Row.of(2015, "getyear", dt("2015-10-12")),
                Row.of(10, "getmonth", dt("2015-10-12")),
                Row.of(12, "dayofmonth", dt("2015-10-12")),
                Row.of(285, "dayofyear", dt("2015-10-12")),
                // docs: datetime_diff
                Row.of(17L, "datetime_diff", "year", dt("2017-01-01"), dt("2000-12-31")),
                Row.of(2L, "datetime_diff", "quarter", dt("2017-07-01"), dt("2017-03-30")),
                Row.of(13L, "datetime_diff", "month", dt("2017-01-01"), dt("2015-12-30")),
                Row.of(5L, "datetime_diff", "week", dt("2017-10-29 00:00"), dt("2017-09-30 23:59")),
                Row.of(29L, "datetime_diff", "day", dt("2017-10-29 00:00"), dt("2017-09-30 23:59")),
                Row.of(2L, "datetime_diff", "hour", dt("2017-10-31 01:00"), dt("2017-10-30 23:59")),
                Row.of(5L, "datetime_diff", "minute", dt("2017-10-30 23:05:01"), dt("2017-10-30 23:00:59")),
                Row.of(10L, "datetime_diff", "second", dt("2017-10-30 23:00:10.100"), dt("2017-10-30 23:00:00.900")),
                Row.of(100L, "datetime_diff", "millisecond", dt("2017-10-30 23:00:00.200100"), dt("2017-10-30 23:00:00.100900")),
                Row.of(100L, "datetime_diff", "microsecond", dt("2017-10-30 23:00:00.1009001"), dt("2017-10-30 23:00:00.1008009")),
                Row.of(-700L, "datetime_diff", "nanosecond", dt("2017-10-30 23:00:00.0000000"), dt("2017-10-30 23:00:00.0000007")),
                // datetime_add
                Row.of(dt("2018-01-01"), "datetime_add", "year", 1L, dt("2017-01-01")),
                Row.of(dt("2017-02-28"), "datetime_add", "month", 1L, dt("2017-01-31")),
                Row.of(dt("2016-12-31T23:00:00Z"), "datetime_add", "hour", -1L, dt("2017-01-01")),
                Row.of(2017, "datetime_part", "year", dt("2017-10-30 01:02:03.7654321")),
                Row.of(4, "datetime_part", "quarter", dt("2017-10-30 01:02:03.7654321")),
                Row.of(44, "datetime_part", "week_of_year", dt("2017-10-30 01:02:03.7654321")),
                Row.of(765, "datetime_part", "millisecond", dt("2017-10-30 01:02:03.7654321")),
                Row.of(765432, "datetime_part", "microsecond", dt("2017-10-30 01:02:03.7654321")),
                Row.of(765432100, "datetime_part", "nanosecond", dt("2017-10-30 01:02:03.7654321")),
                Row.of(dt("2017-10-01 12:10"), "make_datetime", 2017L, 10L, 1L, 12L, 10L),
                Row.of(dt("2017-10-01 12:11:00.1"), "make_datetime", 2017L, 10L, 1L, 12L, 11L, 0.1),
                Row.of(null, "make_datetime", 2017L, 13L, 1L),
                Row.of(ts("1.12:30:55"), "make_timespan", 1L, 12L, 30L, 55L),
                Row.of(ts("12:30"), "make_timespan", 12L, 30L),
                Row.of(dt("2015-07-06 06:33:51.9998"), "unixtime_seconds_todatetime", 1436164431.9998),
                Row.of(dt("2015-07-06 06:33:51.999"), "unixtime_milliseconds_todatetime", 1436164431999L),
                Row.of(dt("2015-07-06 06:33:51.999"), "unixtime_microseconds_todatetime", 1436164431999000L),
                // docs: format_datetime
                Row.of("17-01-29 [09:00:05]", "format_datetime", dt("2017-01-29 09:00:05"), "yy-MM-dd [HH:mm:ss]"),
                Row.of("2017-1-29 [9:00:05]", "format_datetime", dt("2017-01-29 09:00:05"), "yyyy-M-dd [H:mm:ss]"),
                Row.of("17-01-29 [09:00:05 AM]", "format_datetime", dt("2017-01-29 09:00:05"), "yy-MM-dd [hh:mm:ss tt]"),
                Row.of("000115", "format_datetime", dt("2009-06-15T13:45:30.0001150"), "FFFFFFF"),
                Row.of("", "format_datetime", dt("2009-06-15T13:45:30.05"), "F"),
                Row.of("61", "format_datetime", dt("2009-06-15T13:45:30.617"), "ff"),
                Row.of("1", "format_datetime", dt("2009-06-15T13:45:30"), "h"),
                Row.of("9", "format_datetime", dt("2009-06-15T13:45:30"), "y"),
                Row.of("14.02:03:04.1234", "format_timespan", ts("14.02:03:04.1234500"), "d.hh:mm:ss.FFFF"),
                Row.of("02:03", "format_timespan", ts("14.02:03:04"), "hh:mm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void function(Row row) {
        row.check();
    }

    static Stream<Arguments> bins() {
        return Stream.of(
                // docs: bin
                Row.of(4.0, "bin", 4.5, 1L),
                Row.of(ts("14d"), "bin", ts("16d"), ts("7d")),
                Row.of(dt("1970-05-11"), "bin", dt("1970-05-11 13:45:07"), ts("1d")),
                Row.of(15L, "bin", 17L, 5L),
                Row.of(-10L, "bin", -6L, 5L),
                Row.of(null, "bin", 17L, 0L),
                Row.of(dt("2024-05-01 11:00"), "floor", dt("2024-05-01 11:59"), ts("1h")),
                // 7-day bins align to 0001-01-01 (a Monday), not to the Unix epoch
                Row.of(dt("1969-12-29"), "bin", dt("1970-01-01"), ts("7d")),
                // docs: bin_at (bin_at(1h, 1d, 12h) is -12:00:00)
                Row.of(4.5, "bin_at", 6.5, 2.5, 7.0),
                Row.of(ts("-12:00"), "bin_at", ts("1h"), ts("1d"), ts("12h")),
                Row.of(dt("2017-05-14 12:00"), "bin_at", dt("2017-05-15 10:20:00.0"), ts("1d"), dt("1970-01-01 12:00:00.0")),
                Row.of(dt("2017-05-17 10:20"), "bin_at", dt("2017-05-17 10:20:00.0"), ts("7d"), dt("2017-05-10 10:20:00.0")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bins")
    void bin(Row row) {
        row.check();
    }
}
