package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.RawEvent;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Corrupt records and chunks are reported where they are, and the read goes on. */
class EvtxRobustnessTest {
    private static final byte[] FILE = EvtxFixture.file(List.of(
            List.of(EvtxFixture.sample(0), EvtxFixture.sample(1), EvtxFixture.sample(2)),
            List.of(EvtxFixture.sample(3))));
    private static final List<RawEvent> INTACT = CollectingSink.read(FILE, "f").events;

    @Test
    void aRecordWithBadBinXmlIsReportedAndTheOthersAreRead() {
        byte[] file = FILE.clone();
        int second = (int) INTACT.get(1).location().offset();
        file[second + 24] = 0x77; // the fragment header token
        fixChunkChecksums(file, 4096);
        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(1, 3, 4);
        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.location().offset()).isEqualTo(second);
            assertThat(p.reason()).contains("event record 2").contains("unexpected token 0x77");
        });
    }

    @Test
    void aRecordWithABadSizeIsSkippedToTheNextSignature() {
        byte[] file = FILE.clone();
        int second = (int) INTACT.get(1).location().offset();
        file[second + 4] = (byte) 0xff;
        file[second + 5] = (byte) 0xff;
        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(1, 3, 4);
        assertThat(sink.problems).extracting(Malformed::reason)
                .anyMatch(r -> r.startsWith("chunk event records checksum mismatch"))
                .anyMatch(r -> r.startsWith("bad event record size"));
    }

    @Test
    void aChunkWithABadSignatureIsSkipped() {
        byte[] file = FILE.clone();
        file[4096] = 'X';
        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.events).extracting(RawEvent::eventId).containsExactly(4);
        assertThat(sink.problems).singleElement().satisfies(p -> {
            assertThat(p.location().offset()).isEqualTo(4096);
            assertThat(p.reason()).contains("bad chunk signature");
        });
    }

    @Test
    void chunksPastTheHeaderCountAreRead() {
        byte[] file = FILE.clone();
        file[42] = 1; // header says one chunk; the file holds two (a dirty file)
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        System.arraycopy(EvtxFixture.le(crc.getValue(), 4), 0, file, 124, 4);
        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).isEqualTo(INTACT);
    }

    @Test
    void zeroFilledChunksAndMissingChunksAreHandled() {
        byte[] padded = java.util.Arrays.copyOf(FILE, FILE.length + ChunkDecoder.CHUNK_SIZE);
        CollectingSink sink = CollectingSink.read(padded, "f");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).isEqualTo(INTACT);

        byte[] cut = java.util.Arrays.copyOf(FILE, 4096 + ChunkDecoder.CHUNK_SIZE);
        CollectingSink short1 = CollectingSink.read(cut, "f");
        assertThat(short1.events).hasSize(3);
        assertThat(short1.problems).extracting(Malformed::reason).containsExactly("file ends after 1 of the 2 chunks its header lists");
    }

    @Test
    void checksumMismatchesAreReportedButRecordsStillRead() {
        byte[] file = FILE.clone();
        file[4096 + 60] ^= 1; // unused bytes of the chunk header: covered by its checksum only
        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.events).isEqualTo(INTACT);
        assertThat(sink.problems).extracting(Malformed::reason).singleElement().asString().startsWith("chunk header checksum mismatch");
    }

    @Test
    void aNonEvtxStreamIsOneProblem() {
        CollectingSink sink = CollectingSink.read("<Events/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.xml");
        assertThat(sink.events).isEmpty();
        assertThat(sink.problems).extracting(Malformed::toString).containsExactly("x.xml@0x0: not an EVTX file: no ElfFile signature");
    }

    @Test
    void aRecordThatExpandsATemplateThousandsOfTimesFailsFast() {
        ChunkWriter chunk = new ChunkWriter(1);
        chunk.record(0, w -> {
            w.fragmentHeader();
            for (int i = 0; i < 3500; i++) {
                w.templateInstance("wide", d -> {
                    d.fragmentHeader().open("Event", false).closeStart();
                    for (int e = 0; e < 500; e++) {
                        d.open("E", false).closeEmpty();
                    }
                    d.end().eof();
                }, new int[0], List.of());
            }
            w.eof();
        });
        byte[] file = ChunkWriter.file(chunk.finish());
        CollectingSink sink = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> CollectingSink.read(file, "f"));
        assertThat(sink.events).isEmpty();
        assertThat(sink.problems).extracting(Malformed::reason).singleElement().asString()
                .contains("more than " + ChunkContext.NODE_BUDGET + " template nodes");
    }

    static void fixChunkChecksums(byte[] file, int chunk) {
        int freeSpace = (file[chunk + 48] & 0xff) | (file[chunk + 49] & 0xff) << 8;
        CRC32 crc = new CRC32();
        crc.update(file, chunk + 512, freeSpace - 512);
        System.arraycopy(EvtxFixture.le(crc.getValue(), 4), 0, file, chunk + 52, 4);
        crc.reset();
        crc.update(file, chunk, 120);
        crc.update(file, chunk + 128, 384);
        System.arraycopy(EvtxFixture.le(crc.getValue(), 4), 0, file, chunk + 124, 4);
    }
}
