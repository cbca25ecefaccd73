package io.egress.kql.engine.functions.datetime;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ValueFormat;
import io.egress.kql.engine.functions.support.Values;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Round trips: what ValueFormat prints, the parsers read back exactly. */
class ParsersPropertiesTest {
    @Property(tries = 2000)
    void timespanTextRoundTrips(@ForAll @LongRange(min = -3_000_000_000_000_000L, max = 3_000_000_000_000_000L) long ticks) {
        Duration d = Values.fromTicks(ticks);
        String text = ValueFormat.timespan(d);
        assertThat(KqlTimespans.parse(text)).as(text).contains(d);
    }

    @Property(tries = 2000)
    void datetimeTextRoundTrips(@ForAll @LongRange(min = -30_610_224_000L * 10_000_000L, max = 253_402_300_799L * 10_000_000L) long ticks) {
        Instant i = Values.fromTicksSinceEpoch(ticks);
        String text = ValueFormat.datetime(i);
        assertThat(KqlDateTimes.parse(text)).as(text).contains(i);
    }
}
