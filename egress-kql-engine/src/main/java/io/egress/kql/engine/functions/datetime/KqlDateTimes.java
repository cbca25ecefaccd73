package io.egress.kql.engine.functions.datetime;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the datetime text Kusto accepts in {@code datetime(...)} literals and {@code todatetime()}:
 * ISO 8601 ({@code 2014-05-25T08:20:03.123456Z}, with or without {@code Z}, an offset, a space instead
 * of {@code T}, fractions up to 7 digits (more are truncated), seconds or time optional), RFC 822
 * ({@code Sat, 8 Nov 14 15:05:02 GMT}), RFC 850 ({@code Saturday, 08-Nov-14 15:05:02 GMT}) and RFC
 * 1123 ({@code Sat, 08 Nov 2014 15:05:02 GMT}). Text without a zone is UTC, as in Kusto.
 */
public final class KqlDateTimes {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})"
                    + "(?:[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?)?"
                    + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[T ]?(\\d{2})(\\d{2})(?:(\\d{2}))?)?Z?");
    private static final Pattern RFC = Pattern.compile(
            "(?:([A-Za-z]{3,9}),?\\s*)?(\\d{1,2})[ -]([A-Za-z]{3})[ -](\\d{2}|\\d{4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?\\s*([A-Za-z]{1,3}|[+-]\\d{4})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    /** RFC 822 zone names (hours east of UTC). */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5), Map.entry("EDT", -4), Map.entry("CST", -6), Map.entry("CDT", -5),
            Map.entry("MST", -7), Map.entry("MDT", -6), Map.entry("PST", -8), Map.entry("PDT", -7));

    private KqlDateTimes() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            Matcher m = ISO.matcher(t);
            if (m.matches()) {
                return Optional.of(iso(m));
            }
            m = RFC.matcher(t);
            if (m.matches()) {
                return rfc(m);
            }
            m = COMPACT.matcher(t);
            if (m.matches()) {
                LocalDateTime ldt = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), opt(m, 4), opt(m, 5), opt(m, 6));
                return Optional.of(ldt.toInstant(ZoneOffset.UTC));
            }
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Instant iso(Matcher m) {
        LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        int nanos = 0;
        if (m.group(7) != null) {
            String frac = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac) / 100 * 100; // 100 ns ticks
        }
        LocalDateTime ldt = date.atTime(opt(m, 4), opt(m, 5), opt(m, 6), nanos);
        return ldt.toInstant(offset(m.group(8)));
    }

    private static Optional<Instant> rfc(Matcher m) {
        Integer month = MONTHS.get(m.group(3).toLowerCase(Locale.ROOT));
        if (month == null) {
            return Optional.empty();
        }
        int year = num(m, 4);
        if (m.group(4).length() == 2) {
            year += year < 30 ? 2000 : 1900; // .NET two-digit-year window (max 2029)
        }
        int nanos = m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "0000000").substring(0, 7)) * 100;
        LocalDateTime ldt = LocalDateTime.of(year, month, num(m, 2), num(m, 5), num(m, 6), opt(m, 7), nanos);
        String zone = m.group(9);
        ZoneOffset offset;
        if (zone == null) {
            offset = ZoneOffset.UTC;
        } else if (zone.startsWith("+") || zone.startsWith("-")) {
            offset = offset(zone);
        } else {
            Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
            if (hours == null) {
                if (zone.length() != 1) {
                    return Optional.empty();
                }
                hours = 0; // military single-letter zones: treated as UTC
            }
            offset = ZoneOffset.ofHours(hours);
        }
        return Optional.of(ldt.toInstant(offset));
    }

    private static ZoneOffset offset(String z) {
        if (z == null || z.equalsIgnoreCase("Z") || z.equals("UTC") || z.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int sign = z.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int num(Matcher m, int g) {
        return Integer.parseInt(m.group(g));
    }

    private static int opt(Matcher m, int g) {
        return m.group(g) == null ? 0 : Integer.parseInt(m.group(g));
    }
}
