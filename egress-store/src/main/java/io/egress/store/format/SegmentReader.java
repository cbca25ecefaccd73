package io.egress.store.format;

import io.egress.data.Column;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Reads one segment: {@link #open} checks the preamble and the header checksum; {@link #readColumn}
 * reads, checks (CRC-32), decompresses and decodes one column block. Every inconsistency is a
 * {@link CorruptSegmentException} with a reason, never another exception.
 */
public final class SegmentReader implements AutoCloseable {
    /** One inflater per thread, reset for each block (creating one per block costs native allocations). */
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);
    /** Checks every bound against the input (a corrupt block cannot make it read or write out of range). */
    private static final LZ4SafeDecompressor LZ4_DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final SegmentHeader header;

    private SegmentReader(Path path, FileChannel channel, long size, SegmentHeader header) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.header = header;
    }

    /**
     * Opens a segment whose header was read from it before ({@link #header()} of an earlier reader):
     * segments are never modified once visible, so the header is not read again; a file of another size
     * is not the same segment and is refused.
     */
    public static SegmentReader reopen(Path path, SegmentHeader header, long size)
            throws IOException, CorruptSegmentException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            if (channel.size() != size) {
                throw new CorruptSegmentException("changed size since it was listed (" + size + " to " + channel.size()
                        + " bytes): segments are never modified");
            }
            return new SegmentReader(path, channel, size, header);
        } catch (IOException | CorruptSegmentException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Opens a segment and reads its header. I/O errors (missing file, permission) are thrown as such. */
    public static SegmentReader open(Path path) throws IOException, CorruptSegmentException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < SegmentFormat.PREAMBLE + 4) {
                throw new CorruptSegmentException("file too short (" + size + " bytes) for a segment");
            }
            ByteBuffer preamble = read(channel, 0, SegmentFormat.PREAMBLE);
            byte[] magic = new byte[8];
            preamble.get(magic);
            if (!SegmentFormat.isMagic(magic)) {
                throw new CorruptSegmentException("not a segment (magic '" + SegmentFormat.printable(magic, 8) + "')");
            }
            int version = preamble.getShort() & 0xFFFF;
            if (version < 1 || version > SegmentFormat.VERSION) {
                throw new CorruptSegmentException("format version " + version + " is not supported (this Egress reads 1 to "
                        + SegmentFormat.VERSION + ")");
            }
            int length = preamble.getInt();
            if (length < 0 || length > SegmentFormat.MAX_HEADER || SegmentFormat.PREAMBLE + length + 4L > size) {
                throw new CorruptSegmentException("header length " + length + " does not fit the file (" + size + " bytes)");
            }
            ByteBuffer headerAndCrc = read(channel, SegmentFormat.PREAMBLE, length + 4);
            byte[] bytes = new byte[length];
            headerAndCrc.get(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if ((int) crc.getValue() != headerAndCrc.getInt()) {
                throw new CorruptSegmentException("header checksum mismatch");
            }
            long dataStart = SegmentFormat.PREAMBLE + length + 4L;
            SegmentHeader header;
            try {
                header = parseHeader(version, bytes, dataStart, size);
            } catch (CorruptSegmentException.Unchecked | IllegalArgumentException | DateTimeException e) {
                throw new CorruptSegmentException("bad header: " + e.getMessage());
            }
            return new SegmentReader(path, channel, size, header);
        } catch (IOException | CorruptSegmentException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static SegmentHeader parseHeader(int version, byte[] bytes, long dataStart, long fileSize) {
        ByteSource in = new ByteSource(bytes);
        String table = in.readString();
        int rows = in.readCount(Integer.MAX_VALUE - 8);
        String timeColumn = in.readString();
        Instant min = null;
        Instant max = null;
        if (in.readByte() == 1) {
            min = Instant.ofEpochSecond(in.readZigZag(), in.readCount(999_999_999));
            max = Instant.ofEpochSecond(in.readZigZag(), in.readCount(999_999_999));
        }
        String writer = in.readString();
        Instant created = Instant.ofEpochMilli(in.readZigZag());
        int count = in.readCount(100_000);
        List<BlockInfo> blocks = new ArrayList<>(count);
        List<Column> columns = new ArrayList<>(count);
        long dataSize = fileSize - dataStart;
        for (int i = 0; i < count; i++) {
            String name = in.readString();
            String typeName = in.readString();
            ScalarType type = ScalarType.fromName(typeName)
                    .orElseThrow(() -> new CorruptSegmentException.Unchecked("unknown type '" + typeName + "'"));
            int encodingId = (int) in.readVarLong();
            Encoding encoding = Encoding.byId(encodingId)
                    .orElseThrow(() -> new CorruptSegmentException.Unchecked("unknown encoding " + encodingId));
            if (!encoding.fits(type, version)) {
                throw new CorruptSegmentException.Unchecked("encoding " + encoding + " does not fit type " + type);
            }
            long compression = in.readVarLong();
            if (compression != SegmentFormat.DEFLATE && (compression != SegmentFormat.LZ4 || version < 2)) {
                throw new CorruptSegmentException.Unchecked("unknown compression " + compression);
            }
            long offset = in.readVarLong();
            int stored = in.readCount(Integer.MAX_VALUE - 8);
            int raw = in.readCount(Integer.MAX_VALUE - 8);
            long crc = in.readVarLong();
            int nulls = version >= 2 ? in.readCount(rows) : -1;
            if (offset < 0 || offset + stored > dataSize) {
                throw new CorruptSegmentException.Unchecked("block of column " + name + " lies beyond the end of the file"
                        + " (truncated?)");
            }
            if (raw > 1100L * stored + 1024) {
                throw new CorruptSegmentException.Unchecked("block of column " + name + " claims an impossible size");
            }
            Column column = new Column(name, type);
            columns.add(column);
            blocks.add(new BlockInfo(column, encoding, (int) compression, offset, stored, raw, (int) crc, nulls));
        }
        List<String> replaces = new ArrayList<>();
        if (version >= 3) {
            int replaced = in.readCount(in.remaining());
            for (int i = 0; i < replaced; i++) {
                replaces.add(in.readString());
            }
        }
        if (in.remaining() != 0) {
            throw new CorruptSegmentException.Unchecked(in.remaining() + " trailing header bytes");
        }
        return new SegmentHeader(version, table, new Schema(columns), rows,
                timeColumn.isEmpty() ? Optional.empty() : Optional.of(timeColumn), min, max, writer, created, blocks, dataStart,
                replaces);
    }

    public SegmentHeader header() {
        return header;
    }

    public Path path() {
        return path;
    }

    /**
     * Decodes block {@code index} (the schema's column index) into {@code into[offset .. offset+rows)}.
     */
    public void readColumn(int index, Object[] into, int offset, StringPool pool) throws IOException, CorruptSegmentException {
        readColumn(index, into, offset, pool, null);
    }

    /** As {@link #readColumn(int, Object[], int, StringPool)}; only rows with {@code keep[row]} need values (null: all). */
    public void readColumn(int index, Object[] into, int offset, StringPool pool, boolean[] keep)
            throws IOException, CorruptSegmentException {
        readColumn(index, into, offset, pool, keep, null);
    }

    /**
     * As {@link #readColumn(int, Object[], int, StringPool, boolean[])}; a dictionary column also fills
     * {@code dictionary} (when not null) with each row's id and the column's term index.
     */
    public void readColumn(int index, Object[] into, int offset, StringPool pool, boolean[] keep,
                           DictionaryIds dictionary) throws IOException, CorruptSegmentException {
        BlockInfo block = header.blocks().get(index);
        byte[] packed = readStored(channel, header.dataStart() + block.offset(), block.storedLength());
        CRC32 crc = new CRC32();
        crc.update(packed, 0, block.storedLength());
        if ((int) crc.getValue() != block.crc32()) {
            throw new CorruptSegmentException("checksum mismatch in column " + block.column().name());
        }
        byte[] raw = block.compression() == SegmentFormat.LZ4 ? unLz4(block, packed) : inflate(block, packed);
        try {
            ColumnCodec.decode(block.column().type(), block.encoding(), raw, header.rowCount(), into, offset, pool, keep,
                    dictionary);
        } catch (CorruptSegmentException.Unchecked | DateTimeException | ArithmeticException e) {
            throw new CorruptSegmentException("column " + block.column().name() + ": " + e.getMessage());
        }
    }

    private static byte[] unLz4(BlockInfo block, byte[] packed) throws CorruptSegmentException {
        byte[] raw = new byte[block.rawLength()];
        try {
            int n = LZ4_DECOMPRESSOR.decompress(packed, 0, block.storedLength(), raw, 0, raw.length);
            if (n != raw.length) {
                throw new CorruptSegmentException("column " + block.column().name() + " decompresses to the wrong size");
            }
        } catch (LZ4Exception e) {
            throw new CorruptSegmentException("column " + block.column().name() + " does not decompress: " + e.getMessage());
        }
        return raw;
    }

    private static byte[] inflate(BlockInfo block, byte[] packed) throws CorruptSegmentException {
        byte[] raw = new byte[block.rawLength()];
        Inflater inflater = INFLATER.get();
        inflater.reset();
        try {
            inflater.setInput(packed, 0, block.storedLength());
            int n = 0;
            while (n < raw.length && !inflater.finished()) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n != raw.length || !inflater.finished()) {
                throw new CorruptSegmentException("column " + block.column().name() + " decompresses to the wrong size");
            }
        } catch (DataFormatException e) {
            throw new CorruptSegmentException("column " + block.column().name() + " does not decompress: " + e.getMessage());
        }
        return raw;
    }

    /** Reads every column: a convenience for tests and small segments. */
    public List<Object[]> readAllRows() throws IOException, CorruptSegmentException {
        Schema schema = header.schema();
        Object[][] columns = new Object[schema.size()][];
        StringPool pool = new StringPool();
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new Object[header.rowCount()];
            readColumn(c, columns[c], 0, pool);
        }
        List<Object[]> rows = new ArrayList<>(header.rowCount());
        for (int r = 0; r < header.rowCount(); r++) {
            Object[] row = new Object[columns.length];
            for (int c = 0; c < columns.length; c++) {
                row[c] = columns[c][r];
            }
            rows.add(row);
        }
        return rows;
    }

    /** Per reader thread, the buffer compressed blocks are read into (only their decompressed copy is kept). */
    private static final ThreadLocal<byte[]> STORED = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /** Reads {@code length} bytes at {@code position} into this thread's block buffer (valid until its next call). */
    private static byte[] readStored(FileChannel channel, long position, int length)
            throws IOException, CorruptSegmentException {
        byte[] buffer = STORED.get();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
            STORED.set(buffer);
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new CorruptSegmentException("file ends early (truncated?)");
            }
        }
        return buffer;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException, CorruptSegmentException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new CorruptSegmentException("file ends early (truncated?)");
            }
        }
        buffer.flip();
        return buffer;
    }

    public long fileSize() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
