package io.egress.store.format;

import io.egress.data.Column;
import io.egress.data.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * Writes one segment file. The file is written under a temporary name ({@code .tmp-*}, which readers
 * ignore), forced to disk, atomically renamed to its final name, and the directory is forced too: a
 * crash leaves either no segment or a whole one.
 */
public final class SegmentWriter {
    /** Prefix of files being written; readers never list them. */
    public static final String TEMP_PREFIX = ".tmp-";

    private SegmentWriter() {
    }

    /**
     * Writes {@code rows} (values in {@code schema}'s types, see {@link io.egress.data.ScalarType}) to
     * {@code target}, which must not exist.
     *
     * @param timeColumn the column whose range the header records, or null
     */
    public static SegmentHeader write(Path target, String table, Schema schema, List<Object[]> rows, String timeColumn)
            throws IOException {
        return write(target, table, schema, rows, timeColumn, SegmentFormat.VERSION, List.of());
    }

    /**
     * As above, for a segment that replaces the segments named in {@code replaces} (file names in the same
     * directory): once it is in place, readers skip them, so their rows are never read twice.
     */
    public static SegmentHeader write(Path target, String table, Schema schema, List<Object[]> rows, String timeColumn,
                                      List<String> replaces) throws IOException {
        return write(target, table, schema, rows, timeColumn, SegmentFormat.VERSION, replaces);
    }

    /**
     * As {@link #write(Path, String, Schema, List, String)} in format {@code version}: 1 (deflate, no term
     * index; kept so tests can make the segments older stores hold), 2 (LZ4, term indexes) or 3 (int
     * dictionaries, replaced segments).
     */
    static SegmentHeader write(Path target, String table, Schema schema, List<Object[]> rows, String timeColumn,
                               int version) throws IOException {
        return write(target, table, schema, rows, timeColumn, version, List.of());
    }

    private static SegmentHeader write(Path target, String table, Schema schema, List<Object[]> rows, String timeColumn,
                                       int version, List<String> replaces) throws IOException {
        Objects.requireNonNull(target, "target");
        if (version < 1 || version > SegmentFormat.VERSION) {
            throw new IllegalArgumentException("segment format version " + version);
        }
        if (!replaces.isEmpty() && version < 3) {
            throw new IllegalArgumentException("segment format version " + version + " cannot replace segments");
        }
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        int timeIndex = timeColumn == null ? -1 : schema.indexOf(timeColumn);
        Instant min = null;
        Instant max = null;
        if (timeIndex >= 0) {
            for (Object[] row : rows) {
                if (row[timeIndex] instanceof Instant t) {
                    min = min == null || t.isBefore(min) ? t : min;
                    max = max == null || t.isAfter(max) ? t : max;
                }
            }
        }
        List<byte[]> stored = new ArrayList<>();
        List<BlockInfo> blocks = new ArrayList<>();
        long offset = 0;
        int compression = version == 1 ? SegmentFormat.DEFLATE : SegmentFormat.LZ4;
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            for (int c = 0; c < schema.size(); c++) {
                Column column = schema.column(c);
                ColumnCodec.Encoded encoded = ColumnCodec.encode(column.type(), rows, c, version);
                ByteSink raw = encoded.block();
                int rawLength = raw.size();
                byte[] packed = compression == SegmentFormat.LZ4 ? lz4(raw.array(), rawLength)
                        : deflate(deflater, raw.array(), rawLength);
                raw = null;
                CRC32 crc = new CRC32();
                crc.update(packed);
                blocks.add(new BlockInfo(column, encoded.encoding(), compression, offset, packed.length, rawLength,
                        (int) crc.getValue(), version >= 2 ? encoded.nulls() : -1));
                stored.add(packed);
                offset += packed.length;
            }
        } finally {
            deflater.end();
        }
        Instant created = Instant.now();
        byte[] header = header(version, table, rows.size(), timeIndex < 0 ? "" : timeColumn, min, max, created, blocks,
                replaces);
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header);

        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer preamble = ByteBuffer.allocate(SegmentFormat.PREAMBLE);
            preamble.put(SegmentFormat.MAGIC).putShort((short) version).putInt(header.length).flip();
            writeFully(out, preamble);
            writeFully(out, ByteBuffer.wrap(header));
            writeFully(out, ByteBuffer.allocate(4).putInt((int) headerCrc.getValue()).flip());
            for (byte[] block : stored) {
                writeFully(out, ByteBuffer.wrap(block));
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system cannot rename atomically: " + dir, e);
        }
        forceDirectory(dir);
        long dataStart = SegmentFormat.PREAMBLE + header.length + 4L;
        return new SegmentHeader(version, table, schema, rows.size(),
                timeIndex < 0 ? java.util.Optional.empty() : java.util.Optional.of(timeColumn), min, max,
                SegmentFormat.WRITER, created, blocks, dataStart, replaces);
    }

    /** Makes a rename or a new file in {@code dir} durable (a no-op where directories cannot be opened). */
    public static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; the rename is still atomic there
        }
    }

    /** LZ4's block format: several times faster to decompress than deflate, for a somewhat larger file. */
    private static byte[] lz4(byte[] raw, int length) {
        LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
        byte[] out = new byte[compressor.maxCompressedLength(length)];
        int n = compressor.compress(raw, 0, length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    private static byte[] deflate(Deflater deflater, byte[] raw, int length) {
        deflater.reset();
        deflater.setInput(raw, 0, length);
        deflater.finish();
        ByteSink out = new ByteSink(length / 8 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.writeBytes(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] header(int version, String table, int rows, String timeColumn, Instant min, Instant max, Instant created,
                                 List<BlockInfo> blocks, List<String> replaces) {
        ByteSink h = new ByteSink(256 + blocks.size() * 48);
        h.writeString(table);
        h.writeVarLong(rows);
        h.writeString(timeColumn);
        h.writeByte(min == null ? 0 : 1);
        if (min != null) {
            h.writeZigZag(min.getEpochSecond());
            h.writeVarLong(min.getNano());
            h.writeZigZag(max.getEpochSecond());
            h.writeVarLong(max.getNano());
        }
        h.writeString(SegmentFormat.WRITER);
        h.writeZigZag(created.toEpochMilli());
        h.writeVarLong(blocks.size());
        for (BlockInfo b : blocks) {
            h.writeString(b.column().name());
            h.writeString(b.column().type().kqlName());
            h.writeVarLong(b.encoding().id());
            h.writeVarLong(b.compression());
            h.writeVarLong(b.offset());
            h.writeVarLong(b.storedLength());
            h.writeVarLong(b.rawLength());
            h.writeVarLong(b.crc32() & 0xFFFFFFFFL);
            if (version >= 2) {
                h.writeVarLong(b.nullCount());
            }
        }
        if (version >= 3) {
            h.writeVarLong(replaces.size());
            for (String name : replaces) {
                h.writeString(name);
            }
        }
        return h.toByteArray();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
