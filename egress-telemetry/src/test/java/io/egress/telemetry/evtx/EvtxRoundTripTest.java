package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Events written with {@link EvtxFixture} read back field for field. */
class EvtxRoundTripTest {
    @Test
    void readsEveryValueOfEveryRecord() {
        byte[] file = EvtxFixture.file(List.of(List.of(EvtxFixture.sample(0), EvtxFixture.sample(1), EvtxFixture.sample(2))));
        CollectingSink sink = CollectingSink.read(file, "fixture.evtx");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(3);
        RawEvent first = sink.events.get(0);
        assertThat(first.source()).isEqualTo("windows");
        assertThat(first.provider()).isEqualTo("Microsoft-Windows-Sysmon");
        assertThat(first.eventId()).isEqualTo(1);
        assertThat(first.host()).isEqualTo("host-0");
        assertThat(first.time()).isEqualTo(ValueDecoder.fileTime(EvtxFixture.FILETIME_2025));
        assertThat(first.time()).isEqualTo(Instant.parse("2025-01-01T12:00:00.1234567Z"));
        assertThat(first.location().file()).isEqualTo("fixture.evtx");
        assertThat(first.location().offset()).isEqualTo(4096 + 512);
        assertThat(first.system()).containsExactly(
                Map.entry("Provider", "Microsoft-Windows-Sysmon"),
                Map.entry("EventID", "1"),
                Map.entry("TimeCreated", "2025-01-01T12:00:00.123456Z"),
                Map.entry("Computer", "host-0"),
                Map.entry("ActivityID", "8E521E2B-7C26-0001-417F-9C8E267CDB01"));
        assertThat(first.data()).containsExactly(
                Map.entry("A", "cmd.exe /c echo 0"),
                Map.entry("B", "0x104be4"),
                Map.entry("C", "S-1-5-18"),
                Map.entry("D", List.of("x", "y0")));
        // the optional GUID substitution is NULL in odd records: the attribute is left out
        assertThat(sink.events.get(1).system()).doesNotContainKeys("Correlation", "ActivityID");
        assertThat(sink.events.get(2).location().offset()).isGreaterThan(sink.events.get(1).location().offset());
    }

    @Test
    void readsEveryChunkAndTrimsOnlyWhenAsked() {
        EvtxFixture.Event padded = new EvtxFixture.Event("P", 7, EvtxFixture.FILETIME_2025, "h", null, "  spaced  ", 0, new int[] {}, List.of());
        byte[] file = EvtxFixture.file(List.of(List.of(EvtxFixture.sample(0)), List.of(padded), List.of()));
        CollectingSink trimmed = CollectingSink.read(file, "f");
        assertThat(trimmed.problems).isEmpty();
        assertThat(trimmed.events).extracting(RawEvent::eventId).containsExactly(1, 7);
        assertThat(trimmed.events.get(1).data()).containsEntry("A", "spaced").containsEntry("C", "S-1-5").containsEntry("D", List.of());
        CollectingSink raw = new CollectingSink();
        try {
            EvtxReader.untrimmed().read(new java.io.ByteArrayInputStream(file), "f", raw);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(raw.events.get(1).data()).containsEntry("A", "  spaced  ");
    }

    @Test
    void acceptsOnlyTheFileSignature() {
        EvtxReader reader = new EvtxReader();
        byte[] file = EvtxFixture.file(List.of(List.of(EvtxFixture.sample(0))));
        assertThat(reader.format()).isEqualTo("evtx");
        assertThat(reader.accepts(file, file.length)).isTrue();
        assertThat(reader.accepts(file, 4)).isFalse();
        assertThat(reader.accepts("<Event xmlns=".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 13)).isFalse();
    }

    @Property(tries = 150)
    void writtenEventsReadBackUnchanged(@ForAll("events") List<EvtxFixture.Event> events) {
        List<List<EvtxFixture.Event>> chunks = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 15) {
            chunks.add(events.subList(i, Math.min(events.size(), i + 15)));
        }
        CollectingSink sink = new CollectingSink();
        try {
            EvtxReader.untrimmed().read(new java.io.ByteArrayInputStream(EvtxFixture.file(chunks)), "p", sink);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            EvtxFixture.Event e = events.get(i);
            RawEvent r = sink.events.get(i);
            assertThat(r.provider()).isEqualTo(e.provider());
            assertThat(r.eventId()).isEqualTo(e.eventId());
            assertThat(r.time()).isEqualTo(ValueDecoder.fileTime(e.fileTime()));
            assertThat(r.host()).isEqualTo(e.computer().strip()); // System text is stripped, as by every Windows reader
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("A", e.a());
            data.put("B", "0x" + Long.toHexString(e.b()));
            StringBuilder sid = new StringBuilder("S-1-5");
            for (int sub : e.sidSubAuthorities()) {
                sid.append('-').append(Integer.toUnsignedString(sub));
            }
            data.put("C", sid.toString());
            data.put("D", e.d());
            assertThat(r.data()).isEqualTo(data);
        }
    }

    @Provide
    Arbitrary<List<EvtxFixture.Event>> events() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(60)
                .filter(s -> !s.contains("\0"));
        Arbitrary<byte[]> guid = Arbitraries.bytes().array(byte[].class).ofSize(16).injectNull(0.3);
        Arbitrary<int[]> sid = Arbitraries.integers().array(int[].class).ofMaxSize(5);
        Arbitrary<List<String>> items = text.list().ofMaxSize(4);
        return Combinators.combine(text, Arbitraries.integers().between(0, 65535),
                Arbitraries.longs().between(0, 2_650_467_743_999_999_999L), text, guid, text,
                Arbitraries.longs(), sid).flatAs((p, id, t, c, g, a, b, s) ->
                items.map(d -> new EvtxFixture.Event(p, id, t, c, g, a, b, s, d))).list().ofMaxSize(40);
    }
}
