package io.egress.kql.engine.functions.datetime;

import io.egress.kql.engine.functions.support.Values;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * format_datetime / format_timespan with Kusto's (.NET-style) specifiers: {@code d dd f..fffffff
 * F..FFFFFFF h hh H HH m mm M MM MMM MMMM s ss tt y yy yyyy}; other characters are copied. Runs of one
 * letter form one specifier.
 */
final class DateTimeFormat {
    private DateTimeFormat() {
    }

    static String format(Instant instant, String format) {
        LocalDateTime d = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        long ticks = d.getNano() / 100;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int j = i;
            while (j < format.length() && format.charAt(j) == c) {
                j++;
            }
            int n = j - i;
            switch (c) {
                case 'y' -> out.append(n == 1 ? Integer.toString(d.getYear() % 100)
                        : n == 2 ? pad(d.getYear() % 100, 2) : pad(d.getYear(), n));
                case 'M' -> out.append(n == 1 ? Integer.toString(d.getMonthValue()) : n == 2 ? pad(d.getMonthValue(), 2)
                        : d.getMonth().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
                case 'd' -> out.append(n == 1 ? Integer.toString(d.getDayOfMonth()) : n == 2 ? pad(d.getDayOfMonth(), 2)
                        : d.getDayOfWeek().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.ENGLISH));
                case 'H' -> out.append(n == 1 ? Integer.toString(d.getHour()) : pad(d.getHour(), 2));
                case 'h' -> {
                    int h12 = d.getHour() % 12 == 0 ? 12 : d.getHour() % 12;
                    out.append(n == 1 ? Integer.toString(h12) : pad(h12, 2));
                }
                case 'm' -> out.append(n == 1 ? Integer.toString(d.getMinute()) : pad(d.getMinute(), 2));
                case 's' -> out.append(n == 1 ? Integer.toString(d.getSecond()) : pad(d.getSecond(), 2));
                case 'f', 'F' -> out.append(fraction(ticks, Math.min(n, 7), c == 'F'));
                case 't' -> out.append(d.getHour() < 12 ? (n == 1 ? "A" : "AM") : (n == 1 ? "P" : "PM"));
                default -> out.append(format, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    static String formatTimespan(Duration duration, String format) {
        boolean negative = duration.isNegative();
        Duration abs = duration.abs();
        long ticks = Values.ticks(abs) % 10_000_000L;
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int j = i;
            while (j < format.length() && format.charAt(j) == c) {
                j++;
            }
            int n = j - i;
            switch (c) {
                case 'd' -> out.append(pad(abs.toDays(), n));
                case 'h', 'H' -> out.append(n == 1 ? Integer.toString(abs.toHoursPart()) : pad(abs.toHoursPart(), 2));
                case 'm' -> out.append(n == 1 ? Integer.toString(abs.toMinutesPart()) : pad(abs.toMinutesPart(), 2));
                case 's' -> out.append(n == 1 ? Integer.toString(abs.toSecondsPart()) : pad(abs.toSecondsPart(), 2));
                case 'f', 'F' -> out.append(fraction(ticks, Math.min(n, 7), c == 'F'));
                default -> out.append(format, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    private static String fraction(long ticks, int digits, boolean trim) {
        String s = pad(ticks, 7).substring(0, digits);
        if (trim) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
