package io.egress.telemetry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.SharedData;
import io.egress.telemetry.event.RawEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real chunks from many corpus files put behind one file header: each chunk's names and templates
 * live at its own offsets, so this shows the per-chunk caches start afresh at every chunk.
 */
class EvtxMultiChunkTest {

    @Test
    void manyRealChunksInOneFileReadAsTheirFilesDo() throws IOException {
        Path regression = SharedData.resolve("corpus/sigma/regression_data").orElse(null);
        Assumptions.assumeTrue(regression != null, "shared corpus absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(regression)) {
            files = walk.filter(p -> p.toString().endsWith(".evtx")).sorted().limit(80).collect(Collectors.toList());
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        List<RawEvent> expected = new ArrayList<>();
        byte[] header = null;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (header == null) {
                header = java.util.Arrays.copyOf(bytes, EvtxReader.FILE_HEADER_SIZE);
                joined.write(header, 0, header.length);
            }
            joined.write(bytes, EvtxReader.FILE_HEADER_SIZE, bytes.length - EvtxReader.FILE_HEADER_SIZE);
            expected.addAll(CollectingSink.read(bytes, "f").events);
        }
        byte[] file = joined.toByteArray();
        file[42] = (byte) files.size();
        file[43] = (byte) (files.size() >> 8);
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        System.arraycopy(EvtxFixture.le(crc.getValue(), 4), 0, file, 124, 4);

        CollectingSink sink = CollectingSink.read(file, "f");
        assertThat(sink.problems).isEmpty();
        assertThat(sink.events).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            RawEvent e = expected.get(i);
            RawEvent a = sink.events.get(i);
            assertThat(a.system()).isEqualTo(e.system());
            assertThat(a.data()).isEqualTo(e.data());
            assertThat(a.time()).isEqualTo(e.time());
            // the same record, one chunk per file further on
            assertThat(a.location().offset() % ChunkDecoder.CHUNK_SIZE).isEqualTo(e.location().offset() % ChunkDecoder.CHUNK_SIZE);
        }
        assertThat(sink.events.get(sink.events.size() - 1).location().offset())
                .isGreaterThan(EvtxReader.FILE_HEADER_SIZE + (long) (files.size() - 1) * ChunkDecoder.CHUNK_SIZE);
    }
}
