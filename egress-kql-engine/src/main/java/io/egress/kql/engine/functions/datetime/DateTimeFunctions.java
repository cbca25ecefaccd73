package io.egress.kql.engine.functions.datetime;

import static io.egress.data.ScalarType.DATETIME;
import static io.egress.data.ScalarType.INT;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.STRING;
import static io.egress.data.ScalarType.TIMESPAN;

import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Date and time functions. All datetimes are UTC; resolution is one tick (100 ns). */
public final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(new Fn("ago", List.of("ago(timespan) -> datetime"), (t, c) -> {
            String err = Fn.arity("ago", t.size(), 1, 1);
            return err != null ? BindResult.error(err) : BindResult.bound(Fn.bound(DATETIME, (a, ctx) -> {
                Duration d = Values.toTimespan(a[0]);
                return d == null ? null : ctx.now().minus(d);
            }));
        }));
        b.add(new Fn("now", List.of("now([timespan offset]) -> datetime"), (t, c) -> {
            String err = Fn.arity("now", t.size(), 0, 1);
            return err != null ? BindResult.error(err) : BindResult.bound(Fn.bound(DATETIME, (a, ctx) -> {
                Duration d = a.length == 0 ? Duration.ZERO : Values.toTimespan(a[0]);
                return d == null ? null : ctx.now().plus(d);
            }));
        }));
        b.add(startOf("startofday", d -> d.toLocalDate().atStartOfDay(), (d, n) -> d.plusDays(n)));
        b.add(startOf("startofweek", d -> d.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(),
                (d, n) -> d.plusWeeks(n)));
        b.add(startOf("startofmonth", d -> d.toLocalDate().withDayOfMonth(1).atStartOfDay(), (d, n) -> d.plusMonths(n)));
        b.add(startOf("startofyear", d -> d.toLocalDate().withDayOfYear(1).atStartOfDay(), (d, n) -> d.plusYears(n)));
        b.add(endOf("endofday", d -> d.toLocalDate().atStartOfDay(), (d, n) -> d.plusDays(n)));
        b.add(endOf("endofweek", d -> d.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay(),
                (d, n) -> d.plusWeeks(n)));
        b.add(endOf("endofmonth", d -> d.toLocalDate().withDayOfMonth(1).atStartOfDay(), (d, n) -> d.plusMonths(n)));
        b.add(endOf("endofyear", d -> d.toLocalDate().withDayOfYear(1).atStartOfDay(), (d, n) -> d.plusYears(n)));
        // dayofweek: days since the preceding Sunday, as a timespan (docs: Sunday is 0.00:00:00).
        b.add(part("dayofweek", TIMESPAN, d -> Duration.ofDays(d.getDayOfWeek().getValue() % 7)));
        b.add(part("dayofmonth", INT, LocalDateTime::getDayOfMonth));
        b.add(part("dayofyear", INT, LocalDateTime::getDayOfYear));
        b.add(part("hourofday", INT, LocalDateTime::getHour));
        b.add(part("getyear", INT, LocalDateTime::getYear));
        b.add(part("getmonth", INT, LocalDateTime::getMonthValue));
        b.add(part("monthofyear", INT, LocalDateTime::getMonthValue));
        b.add(part("week_of_year", INT, d -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        b.add(Fn.typed("datetime_part", INT, 2, 2, Fn.params(STRING, DATETIME), a -> datetimePart(Values.str(a[0]), local(Values.toDatetime(a[1]))),
                "datetime_part(string part, datetime) -> int"));
        b.add(Fn.typed("datetime_diff", LONG, 3, 3, Fn.params(STRING, DATETIME), a -> datetimeDiff(Values.str(a[0]), Values.toDatetime(a[1]), Values.toDatetime(a[2])),
                "datetime_diff(string period, datetime, datetime) -> long"));
        b.add(Fn.typed("datetime_add", DATETIME, 3, 3, Fn.params(STRING, LONG, DATETIME), a -> datetimeAdd(Values.str(a[0]), Values.toLong(a[1]), Values.toDatetime(a[2])),
                "datetime_add(string period, long amount, datetime) -> datetime"));
        b.add(Fn.typed("make_datetime", DATETIME, 3, 7, Fn.params(LONG, LONG, LONG, LONG, LONG, ScalarType.REAL), DateTimeFunctions::makeDatetime,
                "make_datetime(int year, int month, int day [, int hour, int minute, real second]) -> datetime"));
        b.add(Fn.typed("make_timespan", TIMESPAN, 2, 4, Fn.params(ScalarType.REAL), DateTimeFunctions::makeTimespan,
                "make_timespan([int day,] int hour, int minute [, real second]) -> timespan"));
        b.add(unix("unixtime_seconds_todatetime", 1e7));
        b.add(unix("unixtime_milliseconds_todatetime", 1e4));
        b.add(unix("unixtime_microseconds_todatetime", 10));
        b.add(unix("unixtime_nanoseconds_todatetime", 0.01));
        b.add(Fn.typed("datetime_utc_to_local", DATETIME, 2, 2, Fn.params(DATETIME, STRING), a -> zoned(Values.toDatetime(a[0]), Values.str(a[1]), true),
                "datetime_utc_to_local(datetime, string timezone) -> datetime"));
        b.add(Fn.typed("datetime_local_to_utc", DATETIME, 2, 2, Fn.params(DATETIME, STRING), a -> zoned(Values.toDatetime(a[0]), Values.str(a[1]), false),
                "datetime_local_to_utc(datetime, string timezone) -> datetime"));
        b.add(Fn.typed("format_datetime", STRING, 2, 2, Fn.params(DATETIME, STRING), a -> DateTimeFormat.format(Values.toDatetime(a[0]), Values.str(a[1])),
                "format_datetime(datetime, string format) -> string"));
        b.add(Fn.typed("format_timespan", STRING, 2, 2, Fn.params(TIMESPAN, STRING), a -> DateTimeFormat.formatTimespan(Values.toTimespan(a[0]), Values.str(a[1])),
                "format_timespan(timespan, string format) -> string"));
    }

    /** IANA zone names (Java's tz database); an unknown zone gives null. */
    private static Instant zoned(Instant at, String zone, boolean toLocal) {
        java.time.ZoneId id;
        try {
            id = java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            return null;
        }
        if (toLocal) {
            return instant(LocalDateTime.ofInstant(at, id));
        }
        return local(at).atZone(id).toInstant();
    }

    static LocalDateTime local(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime d) {
        return d.toInstant(ZoneOffset.UTC);
    }

    private interface Shift {
        LocalDateTime apply(LocalDateTime d, long n);
    }

    private static Fn startOf(String name, Function<LocalDateTime, LocalDateTime> floor, Shift shift) {
        return Fn.simple(name, DATETIME, 1, 2, a -> {
            Instant i = Values.toDatetime(a[0]);
            if (i == null) {
                return null;
            }
            long offset = a.length > 1 && a[1] != null ? Values.toLong(a[1]) : 0;
            return instant(shift.apply(floor.apply(local(i)), offset));
        }, name + "(datetime [, long offset]) -> datetime");
    }

    private static Fn endOf(String name, Function<LocalDateTime, LocalDateTime> floor, Shift shift) {
        return Fn.simple(name, DATETIME, 1, 2, a -> {
            Instant i = Values.toDatetime(a[0]);
            if (i == null) {
                return null;
            }
            long offset = a.length > 1 && a[1] != null ? Values.toLong(a[1]) : 0;
            return instant(shift.apply(floor.apply(local(i)), offset + 1)).minusNanos(100);
        }, name + "(datetime [, long offset]) -> datetime");
    }

    private static Fn part(String name, ScalarType ret, Function<LocalDateTime, Object> f) {
        return Fn.simple(name, ret, 1, 1, a -> {
            Instant i = Values.toDatetime(a[0]);
            return i == null ? null : f.apply(local(i));
        }, name + "(datetime) -> " + ret);
    }

    private static Fn unix(String name, double ticksPerUnit) {
        return Fn.simple(name, DATETIME, 1, 1, a -> {
            Double v = Values.toReal(a[0]);
            return v == null ? null : Values.fromTicksSinceEpoch(Math.round(v * ticksPerUnit));
        }, name + "(real) -> datetime");
    }

    static Integer datetimePart(String part, LocalDateTime d) {
        return switch (part.toLowerCase(Locale.ROOT)) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week_of_year", "weekofyear", "week" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            case "dayofyear" -> d.getDayOfYear();
            case "hour" -> d.getHour();
            case "minute" -> d.getMinute();
            case "second" -> d.getSecond();
            case "millisecond" -> d.getNano() / 1_000_000;
            case "microsecond" -> d.getNano() / 1_000;
            case "nanosecond" -> d.getNano();
            default -> null;
        };
    }

    /**
     * datetime_diff(period, a, b): the number of period boundaries between b and a (calendar buckets:
     * both values are truncated to the period, then subtracted), positive when a is later.
     */
    static Long datetimeDiff(String period, Instant a, Instant b) {
        LocalDateTime x = local(a);
        LocalDateTime y = local(b);
        return switch (period.toLowerCase(Locale.ROOT)) {
            case "year" -> (long) (x.getYear() - y.getYear());
            case "quarter" -> (long) ((x.getYear() * 4 + (x.getMonthValue() - 1) / 3) - (y.getYear() * 4 + (y.getMonthValue() - 1) / 3));
            case "month" -> (long) ((x.getYear() * 12 + x.getMonthValue()) - (y.getYear() * 12 + y.getMonthValue()));
            case "week" -> ChronoUnit.WEEKS.between(
                    y.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)),
                    x.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
            case "day" -> ChronoUnit.DAYS.between(y.toLocalDate(), x.toLocalDate());
            case "hour" -> ChronoUnit.HOURS.between(y.truncatedTo(ChronoUnit.HOURS), x.truncatedTo(ChronoUnit.HOURS));
            case "minute" -> ChronoUnit.MINUTES.between(y.truncatedTo(ChronoUnit.MINUTES), x.truncatedTo(ChronoUnit.MINUTES));
            case "second" -> ChronoUnit.SECONDS.between(y.truncatedTo(ChronoUnit.SECONDS), x.truncatedTo(ChronoUnit.SECONDS));
            case "millisecond" -> ChronoUnit.MILLIS.between(y.truncatedTo(ChronoUnit.MILLIS), x.truncatedTo(ChronoUnit.MILLIS));
            case "microsecond" -> ChronoUnit.MICROS.between(y.truncatedTo(ChronoUnit.MICROS), x.truncatedTo(ChronoUnit.MICROS));
            case "nanosecond" -> ChronoUnit.NANOS.between(y, x);
            default -> null;
        };
    }

    static Instant datetimeAdd(String period, Long amount, Instant at) {
        LocalDateTime d = local(at);
        long n = amount;
        LocalDateTime r = switch (period.toLowerCase(Locale.ROOT)) {
            case "year" -> d.plusYears(n);
            case "quarter" -> d.plusMonths(3 * n);
            case "month" -> d.plusMonths(n);
            case "week" -> d.plusWeeks(n);
            case "day" -> d.plusDays(n);
            case "hour" -> d.plusHours(n);
            case "minute" -> d.plusMinutes(n);
            case "second" -> d.plusSeconds(n);
            case "millisecond" -> d.plusNanos(n * 1_000_000);
            case "microsecond" -> d.plusNanos(n * 1_000);
            case "nanosecond" -> d.plusNanos(n / 100 * 100);
            default -> null;
        };
        return r == null ? null : instant(r);
    }

    private static Object makeDatetime(Object[] a) {
        try {
            int year = Values.toInt(a[0]);
            int month = Values.toInt(a[1]);
            int day = Values.toInt(a[2]);
            int hour = a.length > 3 ? Values.toInt(a[3]) : 0;
            int minute = a.length > 4 ? Values.toInt(a[4]) : 0;
            double second = a.length > 5 ? Values.toReal(a[5]) : 0;
            long ticks = Math.round(second * 1e7);
            LocalDateTime d = LocalDate.of(year, month, day).atTime(hour, minute).plusNanos(ticks * 100);
            return instant(d);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object makeTimespan(Object[] a) {
        for (Object o : a) {
            if (((Double) o).isNaN() || ((Double) o).isInfinite()) {
                return null;
            }
        }
        long days = 0;
        int i = 0;
        if (a.length == 4) {
            days = Values.toLong(a[0]);
            i = 1;
        }
        long hours = Values.toLong(a[i]);
        long minutes = Values.toLong(a[i + 1]);
        double seconds = a.length > i + 2 ? Values.toReal(a[i + 2]) : 0;
        return Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plus(Values.fromTicks(Math.round(seconds * 1e7)));
    }
}
