package io.egress.telemetry.evtx;

import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.Malformed;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.read.TelemetryReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Reads Windows binary event logs (EVTX) into {@link io.egress.telemetry.event.RawEvent}s, chunk by
 * chunk: a 4 KiB file header ({@code ElfFile\0}), then 64 KiB chunks, each decoded on its own. All
 * chunks present are read, even past the header's chunk count (dirty files), as libevtx does. Memory
 * stays at one chunk buffer plus that chunk's names and templates, whatever the file size.
 *
 * <p>String values are trimmed of leading and trailing white space by default, as evtx_dump (the Rust
 * {@code evtx} crate behind Chainsaw and Hayabusa, and behind the SigmaHQ regression JSON) renders
 * them; {@link #untrimmed()} keeps them exactly as stored (Sysmon command lines often end in a space).
 * Instances hold no state between reads and may be shared between threads. See docs/evtx.md for the
 * format handling and its limits.
 */
public final class EvtxReader implements TelemetryReader {
    static final byte[] FILE_SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    static final int FILE_HEADER_SIZE = 4096;

    private final boolean trimStrings;

    /** A reader that trims string values, as evtx_dump does. */
    public EvtxReader() {
        this(true);
    }

    private EvtxReader(boolean trimStrings) {
        this.trimStrings = trimStrings;
    }

    /** A reader that keeps string values byte for byte, white space included. */
    public static EvtxReader untrimmed() {
        return new EvtxReader(false);
    }

    @Override
    public String format() {
        return "evtx";
    }

    @Override
    public boolean accepts(byte[] head, int length) {
        Objects.requireNonNull(head, "head");
        if (length < FILE_SIGNATURE.length || head.length < FILE_SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < FILE_SIGNATURE.length; i++) {
            if (head[i] != FILE_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void read(InputStream in, String file, EventSink sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sink, "sink");
        byte[] header = new byte[FILE_HEADER_SIZE];
        int headerLength = in.readNBytes(header, 0, FILE_HEADER_SIZE);
        if (!accepts(header, headerLength)) {
            report(sink, file, 0, "not an EVTX file: no ElfFile signature");
            return;
        }
        if (headerLength < 128) {
            report(sink, file, 0, "truncated file header: " + headerLength + " bytes");
            return;
        }
        checkHeader(header, file, sink);
        if (headerLength < FILE_HEADER_SIZE) {
            report(sink, file, headerLength, "file ends inside its 4096-byte header");
            return;
        }
        int listedChunks = Le.u16(header, 42, header.length);
        ChunkDecoder decoder = new ChunkDecoder(file, sink, trimStrings);
        long offset = FILE_HEADER_SIZE;
        int chunks = 0;
        while (true) {
            int length = in.readNBytes(decoder.buffer(), 0, ChunkDecoder.CHUNK_SIZE);
            if (length == 0) {
                break;
            }
            decoder.decode(length, offset);
            offset += length;
            chunks++;
            if (length < ChunkDecoder.CHUNK_SIZE) {
                break;
            }
        }
        if (chunks < listedChunks) {
            report(sink, file, offset, "file ends after " + chunks + " of the " + listedChunks
                    + " chunks its header lists");
        }
    }

    /** Header: signature, ..., 32 header size, 36 minor and 38 major version, 40 block size, 124 CRC32 of bytes 0-119. */
    private static void checkHeader(byte[] header, String file, EventSink sink) {
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        long stored = Le.u32(header, 124, header.length);
        if (crc.getValue() != stored) {
            report(sink, file, 124, "file header checksum mismatch (stored 0x" + Long.toHexString(stored)
                    + ", computed 0x" + Long.toHexString(crc.getValue()) + ")");
        }
        int major = Le.u16(header, 38, header.length);
        int blockSize = Le.u16(header, 40, header.length);
        if (major != 3) {
            report(sink, file, 38, "unexpected format major version " + major + "; reading as version 3");
        }
        if (blockSize != FILE_HEADER_SIZE) {
            report(sink, file, 40, "unexpected header block size " + blockSize + "; chunks read from offset 4096");
        }
    }

    private static void report(EventSink sink, String file, long offset, String reason) {
        sink.malformed(new Malformed(SourceLocation.offset(file, offset), reason));
    }
}
