package io.egress.kql.syntax.lexer;

import java.util.Map;

/** Timespan literal units ({@code 1d}, {@code 30min}, {@code 100ms}, {@code 1tick}) and their length in ticks. */
public final class TimespanUnits {
    private static final long TICKS_PER_MS = 10_000L;
    private static final Map<String, Long> TICKS = Map.ofEntries(
            Map.entry("d", 864_000_000_000L), Map.entry("day", 864_000_000_000L), Map.entry("days", 864_000_000_000L),
            Map.entry("h", 36_000_000_000L), Map.entry("hr", 36_000_000_000L), Map.entry("hrs", 36_000_000_000L),
            Map.entry("hour", 36_000_000_000L), Map.entry("hours", 36_000_000_000L),
            Map.entry("m", 600_000_000L), Map.entry("min", 600_000_000L), Map.entry("minute", 600_000_000L),
            Map.entry("minutes", 600_000_000L),
            Map.entry("s", 10_000_000L), Map.entry("sec", 10_000_000L), Map.entry("second", 10_000_000L),
            Map.entry("seconds", 10_000_000L),
            Map.entry("ms", TICKS_PER_MS), Map.entry("milli", TICKS_PER_MS), Map.entry("millis", TICKS_PER_MS),
            Map.entry("millisec", TICKS_PER_MS), Map.entry("millisecond", TICKS_PER_MS),
            Map.entry("milliseconds", TICKS_PER_MS),
            Map.entry("microsec", 10L), Map.entry("microsecond", 10L), Map.entry("microseconds", 10L),
            Map.entry("nanosec", 0L), Map.entry("nanosecond", 0L), Map.entry("nanoseconds", 0L),
            Map.entry("tick", 1L), Map.entry("ticks", 1L));

    private TimespanUnits() {
    }

    public static boolean isUnit(String unit) {
        return TICKS.containsKey(unit);
    }

    /** Ticks (100 ns) in one unit; nanoseconds count as 1/100 tick and are handled by the caller. */
    public static long ticks(String unit) {
        Long t = TICKS.get(unit);
        if (t == null) {
            throw new IllegalArgumentException("not a timespan unit: " + unit);
        }
        return t;
    }
}
