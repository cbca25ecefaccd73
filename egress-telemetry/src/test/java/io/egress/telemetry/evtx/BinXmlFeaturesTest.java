package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.RawEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** BinXML constructs the corpus does not use, each in a record written token by token. */
class BinXmlFeaturesTest {

    private static RawEvent readOne(Consumer<ChunkWriter> body) {
        ChunkWriter chunk = new ChunkWriter(1);
        chunk.record(0, body);
        CollectingSink sink = CollectingSink.read(ChunkWriter.file(chunk.finish()), "t");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(1);
        return sink.events.get(0);
    }

    /** {@code <Event><System><Provider Name="P"/><EventID>42</EventID></System>} then {@code rest}, {@code </Event>}. */
    private static Consumer<ChunkWriter> event(Consumer<ChunkWriter> rest) {
        return w -> {
            w.fragmentHeader().open("Event", false).closeStart();
            w.open("System", false).closeStart();
            w.open("Provider", true).attribute("Name", false).text("P").closeEmpty();
            w.element("EventID", "42");
            w.end();
            rest.accept(w);
            w.end().eof();
        };
    }

    @Test
    void plainElementsWithoutTemplates() {
        RawEvent e = readOne(event(w -> w.open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("Image").closeStart().text("C:\\x.exe").end()
                .end()));
        assertThat(e.provider()).isEqualTo("P");
        assertThat(e.eventId()).isEqualTo(42);
        assertThat(e.time()).isNull();
        assertThat(e.data()).containsExactly(Map.entry("Image", "C:\\x.exe"));
    }

    @Test
    void referencesCdataAndProcessingInstructionsInContent() {
        RawEvent e = readOne(event(w -> w.open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("X").closeStart()
                .text("a").charRef('&').entityRef("lt").entityRef("amp").entityRef("nbsp").cdata("<b>").pi("pi", "ignored").text("z")
                .end()
                .end()));
        assertThat(e.data()).containsExactly(Map.entry("X", "a&<&&nbsp;<b>z"));
    }

    @Test
    void unnamedDataAndOtherEventDataChildren() {
        RawEvent e = readOne(event(w -> w.open("EventData", false).closeStart()
                .element("Data", "first").element("Data", "second").element("Data", "third")
                .element("Binary", "0A0B")
                .end()));
        assertThat(e.data()).containsExactly(Map.entry("Data", "first"), Map.entry("Data_2", "second"),
                Map.entry("Data_3", "third"), Map.entry("Binary", "0A0B"));
    }

    @Test
    void userDataLeavesWhenThereIsNoEventData() {
        RawEvent e = readOne(event(w -> w.open("UserData", false).closeStart()
                .open("LogFileCleared", true).attribute("xmlns", false).text("urn:x").closeStart()
                .element("SubjectUserName", "bob")
                .open("Nested", false).closeStart().element("Inner", "1").end()
                .element("SubjectUserName", "again")
                .end()
                .end()));
        assertThat(e.data()).containsExactly(Map.entry("SubjectUserName", List.of("bob", "again")), Map.entry("Inner", "1"));
        assertThat(e.system()).containsEntry("UserDataElement", "LogFileCleared");
    }

    @Test
    void eventIdQualifiersAndEmptyElements() {
        RawEvent e = readOne(w -> {
            w.fragmentHeader().open("Event", false).closeStart().open("System", false).closeStart();
            w.open("EventID", true).attribute("Qualifiers", false).text("16384").closeStart().text("7036").end();
            w.open("Correlation", false).closeEmpty();
            w.end().end().eof();
        });
        assertThat(e.eventId()).isEqualTo(7036);
        assertThat(e.system()).containsOnly(Map.entry("Qualifiers", "16384"), Map.entry("EventID", "7036"));
    }

    @Test
    void nestedBinXmlValuesWithTemplatesAndWithBareElements() {
        Consumer<ChunkWriter> inner = d -> d.fragmentHeader()
                .open("EventData", false).closeStart()
                .open("Data", true).attribute("Name", false).text("N").closeStart().subst(0, 0x07, false).end()
                .end().eof();
        RawEvent e = readOne(w -> w.fragmentHeader().templateInstance("outer",
                d -> d.fragmentHeader().open("Event", false).closeStart()
                        .open("System", false).closeStart().element("EventID", "5").end()
                        .subst(0, 0x21, false)
                        .open("UserData", false).closeStart().subst(1, 0x21, false).end()
                        .end().eof(),
                new int[] {0x21, 0x21},
                List.of(v -> v.fragmentHeader().templateInstance("inner", inner, new int[] {0x07}, List.of(x -> x.u32(-7))).eof(),
                        v -> v.open("Bare", false, false).closeStart().text("no dependency id").end().eof())).eof());
        assertThat(e.eventId()).isEqualTo(5);
        assertThat(e.data()).containsExactly(Map.entry("N", "-7"));
    }

    @Test
    void everyValueTypeInATemplate() {
        int[] types = {0x00, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
            0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x20, 0x87, 0x94, 0x8f, 0x82, 0x84};
        List<Consumer<ChunkWriter>> values = List.of(
                w -> { },
                w -> w.bytes("ans\u00e9\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                w -> w.u8(0xff),
                w -> w.u8(0xff),
                w -> w.u16(0xfffe),
                w -> w.u16(0xfffe),
                w -> w.u32(-3),
                w -> w.u32(-3),
                w -> w.u64(-4),
                w -> w.u64(-4),
                w -> w.u32(Float.floatToIntBits(1.5f)),
                w -> w.u64(Double.doubleToLongBits(-2.0)),
                w -> w.u32(1),
                w -> w.bytes(new byte[] {0x00, (byte) 0xab, 0x7f}),
                w -> w.u32(0x5770385f).u16(0xc22a).u16(0x43e0).bytes(new byte[] {(byte) 0xbf, 0x4c, 0x06, (byte) 0xf5, 0x69, (byte) 0x8f, (byte) 0xfb, (byte) 0xd9}),
                w -> w.u64(0x7ff6_1234_0000L),
                w -> w.u64(116_444_736_000_000_000L + 15L), // 1970-01-01T00:00:00.0000015Z
                w -> w.u16(2024).u16(2).u16(4).u16(29).u16(23).u16(59).u16(58).u16(999),
                w -> w.bytes(EvtxFixture.sid(0x1_0000_0000L, new int[] {-1})),
                w -> w.u32(0x1fffff),
                w -> w.u64(0x8000000000000000L),
                w -> w.u32(0xdead),
                w -> w.u32(1).u32(-2),
                w -> w.u32(0xa).u32(0xb),
                w -> w.bytes(new byte[32]),
                w -> w.bytes("x\0yz\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                w -> w.bytes(new byte[] {1, 2, 3}));
        RawEvent e = readOne(w -> w.fragmentHeader().templateInstance("all", d -> {
            d.fragmentHeader().open("Event", false).closeStart();
            d.open("System", false).closeStart().element("EventID", "1").end();
            d.open("EventData", false).closeStart();
            for (int i = 0; i < types.length; i++) {
                d.open("Data", true).attribute("Name", false).text("v" + i).closeStart().subst(i, types[i], false).end();
            }
            d.end().end().eof();
        }, types, values).eof());
        assertThat(e.data().values()).containsExactly(
                "", "ans\u00e9", "-1", "255", "-2", "65534", "-3", "4294967293", "-4", "18446744073709551612",
                "1.5", "-2", "true", "00AB7F", "5770385F-C22A-43E0-BF4C-06F5698FFBD9", "0x7ff612340000",
                "1970-01-01T00:00:00.000001Z", "2024-02-29T23:59:58.999000Z", "S-1-0x000100000000-4294967295",
                "0x1fffff", "0x8000000000000000", "ADDE0000", List.of("1", "-2"), List.of("0xa", "0xb"),
                List.of("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000"),
                List.of("x", "yz"), List.of("1", "2", "3"));
    }

    @Test
    void optionalNullAttributesAreLeftOutNormalNullsAreEmpty() {
        RawEvent e = readOne(w -> w.fragmentHeader().templateInstance("t", d -> d.fragmentHeader()
                .open("Event", false).closeStart().open("System", false).closeStart()
                .element("EventID", "2")
                .open("Correlation", true).attribute("ActivityID", true).subst(0, 0x0f, true)
                .attribute("RelatedActivityID", false).subst(1, 0x0f, false).closeEmpty()
                .end().end().eof(), new int[] {0x00, 0x00}, List.of(v -> { }, v -> { })).eof());
        assertThat(e.system()).containsEntry("RelatedActivityID", "").doesNotContainKey("ActivityID");
    }
}
