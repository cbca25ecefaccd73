package io.egress.telemetry.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Writes one EVTX chunk token by token, for tests: records, BinXML tokens, names (inline on first
 * use, by offset afterwards), template definitions (inline on first use) and instances; then the
 * chunk header with both checksums. {@link #file} puts chunks behind a file header.
 */
final class ChunkWriter {
    private final byte[] b = new byte[ChunkDecoder.CHUNK_SIZE];
    private final Map<String, Integer> names = new HashMap<>();
    private final Map<String, Integer> templates = new HashMap<>();
    private final long firstRecordId;
    private long nextRecordId;
    private int lastRecord = ChunkDecoder.HEADER_SIZE;
    int pos = ChunkDecoder.HEADER_SIZE;

    ChunkWriter(long firstRecordId) {
        this.firstRecordId = firstRecordId;
        this.nextRecordId = firstRecordId;
    }

    static byte[] file(byte[]... chunks) {
        byte[] header = new byte[EvtxReader.FILE_HEADER_SIZE];
        ChunkWriter h = new ChunkWriter(0);
        h.pos = 0;
        h.bytes("ElfFile\0".getBytes(StandardCharsets.US_ASCII)).u64(0).u64(Math.max(0, chunks.length - 1)).u64(1);
        h.u32(128).u16(2).u16(3).u16(4096).u16(chunks.length);
        System.arraycopy(h.b, 0, header, 0, 128);
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        System.arraycopy(EvtxFixture.le(crc.getValue(), 4), 0, header, 124, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /** An event record around the BinXML that {@code body} writes. */
    ChunkWriter record(long writtenTime, Consumer<ChunkWriter> body) {
        lastRecord = pos;
        int start = pos;
        u32(0x00002a2a);
        int sizeAt = pos;
        u32(0).u64(nextRecordId++).u64(writtenTime);
        body.accept(this);
        int size = pos - start + 4;
        u32(size);
        patch32(sizeAt, size);
        return this;
    }

    /** The chunk: header with record numbers, offsets and checksums, then the records. */
    byte[] finish() {
        int freeSpace = pos;
        long last = nextRecordId - 1;
        pos = 0;
        bytes("ElfChnk\0".getBytes(StandardCharsets.US_ASCII)).u64(firstRecordId).u64(last).u64(firstRecordId).u64(last);
        u32(128).u32(lastRecord).u32(freeSpace);
        CRC32 crc = new CRC32();
        crc.update(b, ChunkDecoder.HEADER_SIZE, freeSpace - ChunkDecoder.HEADER_SIZE);
        patch32(52, crc.getValue());
        crc.reset();
        crc.update(b, 0, 120);
        crc.update(b, 128, 384);
        patch32(124, crc.getValue());
        return b.clone();
    }

    ChunkWriter fragmentHeader() {
        return u8(0x0f).u8(1).u8(1).u8(0);
    }

    ChunkWriter eof() {
        return u8(0x00);
    }

    /** An open start element; {@code dependencyId} false for an element opened directly in a BinXML value. */
    ChunkWriter open(String name, boolean attributes, boolean dependencyId) {
        u8(attributes ? 0x41 : 0x01);
        if (dependencyId) {
            u16(0xffff);
        }
        u32(0);
        name(name);
        return attributes ? u32(0) : this;
    }

    ChunkWriter open(String name, boolean attributes) {
        return open(name, attributes, true);
    }

    ChunkWriter attribute(String name, boolean more) {
        u8(more ? 0x46 : 0x06);
        return name(name);
    }

    ChunkWriter closeStart() {
        return u8(0x02);
    }

    ChunkWriter closeEmpty() {
        return u8(0x03);
    }

    ChunkWriter end() {
        return u8(0x04);
    }

    ChunkWriter text(String s) {
        return u8(0x05).u8(0x01).u16(s.length()).utf16(s);
    }

    ChunkWriter subst(int index, int type, boolean optional) {
        return u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
    }

    ChunkWriter charRef(int c) {
        return u8(0x08).u16(c);
    }

    ChunkWriter entityRef(String entity) {
        u8(0x09);
        return name(entity);
    }

    ChunkWriter cdata(String s) {
        return u8(0x07).u16(s.length()).utf16(s);
    }

    ChunkWriter pi(String target, String data) {
        u8(0x0a);
        name(target);
        return u8(0x0b).u16(data.length()).utf16(data);
    }

    /** An element holding one text value: {@code <name>text</name>}. */
    ChunkWriter element(String name, String text) {
        return open(name, false).closeStart().text(text).end();
    }

    /**
     * A template instance. The definition ({@code definition} writes its fragment: header, one element,
     * EOF) is stored inline the first time {@code key} is used; then the values, each written in place
     * by its writer, with the given types.
     */
    ChunkWriter templateInstance(String key, Consumer<ChunkWriter> definition, int[] types, List<Consumer<ChunkWriter>> values) {
        u8(0x0c).u8(1).u32(0x1234);
        Integer offset = templates.get(key);
        if (offset != null) {
            u32(offset);
        } else {
            int here = pos + 4;
            templates.put(key, here);
            u32(here).u32(0).bytes(new byte[16]);
            int sizeAt = pos;
            u32(0);
            int bodyStart = pos;
            definition.accept(this);
            patch32(sizeAt, pos - bodyStart);
        }
        u32(values.size());
        int descriptors = pos;
        for (int type : types) {
            u16(0).u8(type).u8(0);
        }
        for (int i = 0; i < values.size(); i++) {
            int start = pos;
            values.get(i).accept(this);
            int size = pos - start;
            b[descriptors + 4 * i] = (byte) size;
            b[descriptors + 4 * i + 1] = (byte) (size >>> 8);
        }
        return this;
    }

    ChunkWriter name(String name) {
        Integer offset = names.get(name);
        if (offset != null) {
            return u32(offset);
        }
        int here = pos + 4;
        names.put(name, here);
        return u32(here).u32(0).u16(0).u16(name.length()).utf16(name).u16(0);
    }

    ChunkWriter u8(int v) {
        b[pos++] = (byte) v;
        return this;
    }

    ChunkWriter u16(int v) {
        return bytes(EvtxFixture.le(v, 2));
    }

    ChunkWriter u32(long v) {
        return bytes(EvtxFixture.le(v, 4));
    }

    ChunkWriter u64(long v) {
        return bytes(EvtxFixture.le(v, 8));
    }

    ChunkWriter utf16(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }

    ChunkWriter bytes(byte[] v) {
        System.arraycopy(v, 0, b, pos, v.length);
        pos += v.length;
        return this;
    }

    private void patch32(int at, long v) {
        System.arraycopy(EvtxFixture.le(v, 4), 0, b, at, 4);
    }
}
