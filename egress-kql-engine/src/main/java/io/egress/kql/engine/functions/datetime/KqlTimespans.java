package io.egress.kql.engine.functions.datetime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Kusto timespans: literal forms ({@code 2d}, {@code 1.5h}, {@code 30m}, {@code 10s}, {@code
 * 100ms}, {@code 10microsecond}, {@code 1tick}, long unit names such as {@code 3days}; several parts
 * separated by spaces are added: {@code 1d 2h}) and the text form {@code [-][d.]hh:mm[:ss[.fffffff]]}
 * that {@code tostring} prints; a bare integer is days ({@code time(2)}). A leading {@code -} negates. Resolution is 100 ns (one tick).
 */
public final class KqlTimespans {
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*([A-Za-z]+)");
    private static final Pattern TEXT = Pattern.compile(
            "(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");
    private static final Map<String, Long> UNIT_TICKS = Map.ofEntries(
            Map.entry("d", 864_000_000_000L), Map.entry("day", 864_000_000_000L), Map.entry("days", 864_000_000_000L),
            Map.entry("h", 36_000_000_000L), Map.entry("hr", 36_000_000_000L), Map.entry("hrs", 36_000_000_000L),
            Map.entry("hour", 36_000_000_000L), Map.entry("hours", 36_000_000_000L),
            Map.entry("m", 600_000_000L), Map.entry("min", 600_000_000L), Map.entry("minute", 600_000_000L),
            Map.entry("minutes", 600_000_000L),
            Map.entry("s", 10_000_000L), Map.entry("sec", 10_000_000L), Map.entry("second", 10_000_000L),
            Map.entry("seconds", 10_000_000L),
            Map.entry("ms", 10_000L), Map.entry("milli", 10_000L), Map.entry("millis", 10_000L),
            Map.entry("millisec", 10_000L), Map.entry("millisecond", 10_000L), Map.entry("milliseconds", 10_000L),
            Map.entry("micro", 10L), Map.entry("micros", 10L), Map.entry("microsec", 10L),
            Map.entry("microsecond", 10L), Map.entry("microseconds", 10L),
            Map.entry("tick", 1L), Map.entry("ticks", 1L));
    private static final BigDecimal NANOS_PER_TICK = BigDecimal.valueOf(100);

    private KqlTimespans() {
    }

    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        boolean negative = false;
        if (t.startsWith("-")) {
            negative = true;
            t = t.substring(1).strip();
        } else if (t.startsWith("+")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> d = t.chars().allMatch(Character::isDigit) && t.length() < 9
                ? Optional.of(Duration.ofDays(Long.parseLong(t))) // docs: time(2) is 2 days
                : parseText(t);
        if (d.isEmpty()) {
            d = parseLiteral(t);
        }
        return negative ? d.map(Duration::negated) : d;
    }

    private static Optional<Duration> parseText(String t) {
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int h = Integer.parseInt(m.group(2));
        int min = Integer.parseInt(m.group(3));
        int s = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (h > 23 || min > 59 || s > 59) {
            return Optional.empty();
        }
        long ticks = m.group(5) == null ? 0 : Long.parseLong((m.group(5) + "0000000").substring(0, 7));
        return Optional.of(Duration.ofDays(days).plusHours(h).plusMinutes(min).plusSeconds(s).plusNanos(ticks * 100));
    }

    private static Optional<Duration> parseLiteral(String t) {
        Duration total = Duration.ZERO;
        int pos = 0;
        Matcher m = PART.matcher(t);
        boolean any = false;
        while (pos < t.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return Optional.empty();
            }
            Long unit = UNIT_TICKS.get(m.group(2).toLowerCase(Locale.ROOT));
            if (unit == null) {
                return Optional.empty();
            }
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).multiply(NANOS_PER_TICK)
                    .setScale(0, RoundingMode.HALF_EVEN);
            // round to whole ticks
            nanos = nanos.divide(NANOS_PER_TICK, 0, RoundingMode.HALF_EVEN).multiply(NANOS_PER_TICK);
            BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
            total = total.plusSeconds(qr[0].longValueExact()).plusNanos(qr[1].longValueExact());
            any = true;
            pos = m.end();
            while (pos < t.length() && Character.isWhitespace(t.charAt(pos))) {
                pos++;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }
}
