package io.egress.telemetry.evtx;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.read.RecordException;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Decodes one 64 KiB chunk: checks its header (signature {@code ElfChnk\0}, CRC32 of the header and of
 * the event records data), then walks the event records from offset 512 to the free-space offset.
 * A bad record is reported and skipped by scanning for the next record signature; checksum mismatches
 * are reported but the records are still read.
 */
final class ChunkDecoder {
    static final int CHUNK_SIZE = 0x10000;
    static final int HEADER_SIZE = 512;
    static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
    private static final int RECORD_SIGNATURE = 0x00002a2a;
    private static final int RECORD_OVERHEAD = 28; // signature, size, id, written time, size copy

    private final ChunkContext chunk;
    private final CRC32 crc = new CRC32();
    private final String file;
    private final EventSink sink;

    ChunkDecoder(String file, EventSink sink, boolean trimStrings) {
        this.chunk = new ChunkContext(new byte[CHUNK_SIZE], trimStrings);
        this.file = file;
        this.sink = sink;
    }

    /** The buffer the caller fills with the next chunk's bytes. */
    byte[] buffer() {
        return chunk.bytes();
    }

    /** Decodes the first {@code length} bytes of the buffer, a chunk found at {@code fileOffset}. */
    void decode(int length, long fileOffset) {
        byte[] b = chunk.bytes();
        chunk.reset(length);
        if (length < HEADER_SIZE) {
            report(fileOffset, "truncated chunk: " + length + " bytes, shorter than its 512-byte header");
            return;
        }
        if (!hasSignature(b)) {
            if (!allZero(b, length)) {
                report(fileOffset, "bad chunk signature; chunk skipped");
            }
            return;
        }
        if (length < CHUNK_SIZE) {
            report(fileOffset, "truncated chunk: " + length + " of 65536 bytes; reading the records present");
        }
        crc.reset();
        crc.update(b, 0, 120);
        crc.update(b, 128, HEADER_SIZE - 128);
        long storedHeaderCrc = Le.u32(b, 124, length);
        if (crc.getValue() != storedHeaderCrc) {
            report(fileOffset, "chunk header checksum mismatch (stored 0x" + Long.toHexString(storedHeaderCrc)
                    + ", computed 0x" + Long.toHexString(crc.getValue()) + ")");
        }
        int freeSpace = Le.i32(b, 48, length);
        int end = freeSpace;
        if (freeSpace < HEADER_SIZE || freeSpace > CHUNK_SIZE) {
            report(fileOffset, "chunk free-space offset 0x" + Integer.toHexString(freeSpace)
                    + " out of range; scanning the whole chunk");
            end = length;
        } else if (freeSpace <= length) {
            crc.reset();
            crc.update(b, HEADER_SIZE, freeSpace - HEADER_SIZE);
            long storedDataCrc = Le.u32(b, 52, length);
            if (crc.getValue() != storedDataCrc) {
                report(fileOffset, "chunk event records checksum mismatch (stored 0x" + Long.toHexString(storedDataCrc)
                        + ", computed 0x" + Long.toHexString(crc.getValue()) + ")");
            }
        }
        records(Math.min(end, length), fileOffset);
    }

    private void records(int end, long fileOffset) {
        byte[] b = chunk.bytes();
        int pos = HEADER_SIZE;
        while (pos <= end - RECORD_OVERHEAD) {
            int signature = Le.i32(b, pos, end);
            if (signature != RECORD_SIGNATURE) {
                if (allZero(b, pos, end)) {
                    return; // unused space after the last record
                }
                int next = nextSignature(b, pos + 1, end);
                report(fileOffset + pos, "bad event record signature; skipped " + (next - pos) + " bytes");
                pos = next;
                continue;
            }
            int size = Le.i32(b, pos + 4, end);
            if (size < RECORD_OVERHEAD || size > end - pos || Le.i32(b, pos + size - 4, end) != size) {
                int next = nextSignature(b, pos + 4, end);
                report(fileOffset + pos, "bad event record size " + Integer.toUnsignedString(size)
                        + "; skipped " + (next - pos) + " bytes");
                pos = next;
                continue;
            }
            record(pos, size, fileOffset);
            pos += size;
        }
        if (pos < end && !allZero(b, pos, end)) {
            report(fileOffset + pos, "truncated event record at the end of the chunk");
        }
    }

    private void record(int pos, int size, long fileOffset) {
        SourceLocation location = SourceLocation.offset(file, fileOffset + pos);
        List<XmlNode> nodes;
        chunk.startRecord();
        try {
            nodes = new BinXmlParser(chunk, pos + 24, pos + size - 4, 0, false).parseFragments();
        } catch (EvtxFormatException e) {
            sink.malformed(new Malformed(location, "event record " + Le.i64(chunk.bytes(), pos + 8, chunk.limit())
                    + ": " + e.getMessage()));
            return;
        } catch (RuntimeException e) { // a decoder bug must not end the read; the fuzz tests look for these
            sink.malformed(new Malformed(location, "event record " + Le.i64(chunk.bytes(), pos + 8, chunk.limit())
                    + ": internal decoder error " + e));
            return;
        }
        for (XmlNode node : nodes) {
            if (node instanceof XmlNode.Element && ((XmlNode.Element) node).name().equals("Event")) {
                try {
                    sink.event(EventMapper.map((XmlNode.Element) node, location));
                } catch (RecordException e) {
                    sink.malformed(new Malformed(location, "event record " + Le.i64(chunk.bytes(), pos + 8, chunk.limit())
                            + ": " + e.getMessage()));
                }
                return;
            }
        }
        sink.malformed(new Malformed(location, "event record " + Le.i64(chunk.bytes(), pos + 8, chunk.limit())
                + " holds no <Event> element"));
    }

    private static int nextSignature(byte[] b, int from, int end) {
        for (int p = from; p <= end - 4; p++) {
            if (b[p] == 0x2a && b[p + 1] == 0x2a && b[p + 2] == 0 && b[p + 3] == 0) {
                return p;
            }
        }
        return end;
    }

    private static boolean hasSignature(byte[] b) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (b[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int length) {
        return allZero(b, 0, length);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private void report(long offset, String reason) {
        sink.malformed(new Malformed(SourceLocation.offset(file, offset), reason));
    }
}
