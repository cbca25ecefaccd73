package io.egress.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.egress.data.Column;
import io.egress.data.Schema;
import io.egress.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Streams an Advanced Hunting export into a table with only the columns a query reads and only the rows
 * a filter keeps (projection and filter pushdown). JSON lines are read in byte ranges split at line
 * boundaries, on several threads, each range through a fixed-size buffer and Jackson's streaming parser:
 * memory grows with the kept rows only, never with the file. Other layouts (JSON array, API response,
 * CSV) go through {@link AdvancedHuntingReader} and are then cut the same way.
 *
 * <p>The filter sees each row in the layout of {@code schema} with only {@code columns} filled (the
 * others hold their type's null); the result has the columns of {@code schema} that are in
 * {@code columns}, in schema order. Problems are those {@link AdvancedHuntingReader} reports (malformed
 * lines with file:line, values that do not fit their column), for the columns read.
 */
public final class ExportScanner {
    /** At most this many problems are listed in a result (all are counted). */
    public static final int MAX_PROBLEMS = 10_000;
    private static final int BLOCK = 1 << 20;
    private static final long MIN_SPLIT = 4L << 20;
    private static final JsonFactory FACTORY = new JsonFactory();

    private ExportScanner() {
    }

    /**
     * Reads {@code file}. {@code filter} makes one test per thread (null keeps every row); {@code threads}
     * is the parallelism for large JSON lines files (1: the calling thread only).
     */
    public static ScanResult scan(Path file, Schema schema, Set<String> columns,
                                  Supplier<? extends Predicate<Object[]>> filter, int threads) throws IOException {
        return scan(file, schema, columns, null, filter, threads, MIN_SPLIT);
    }

    /**
     * As above, telling which columns {@code filter} reads ({@code filterReads}): the other string columns
     * of {@code columns} are made only for the rows the filter keeps (the filter sees them empty). Null
     * means the filter may read every column.
     */
    public static ScanResult scan(Path file, Schema schema, Set<String> columns, Set<String> filterReads,
                                  Supplier<? extends Predicate<Object[]>> filter, int threads) throws IOException {
        return scan(file, schema, columns, filterReads, filter, threads, MIN_SPLIT);
    }

    /** As the first; files of at least {@code minSplit} bytes are split into ranges (tests split small files). */
    static ScanResult scan(Path file, Schema schema, Set<String> columns,
                           Supplier<? extends Predicate<Object[]>> filter, int threads, long minSplit)
            throws IOException {
        return scan(file, schema, columns, null, filter, threads, minSplit);
    }

    static ScanResult scan(Path file, Schema schema, Set<String> columns, Set<String> filterReads,
                           Supplier<? extends Predicate<Object[]>> filter, int threads, long minSplit)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(columns, "columns");
        if (!looksLikeJsonLines(file)) {
            return fallback(file, schema, columns, filter);
        }
        long size = Files.size(file);
        int chunks = size < minSplit || threads <= 1 ? 1 : (int) Math.max(1, Math.min(threads * 4L, size / Math.max(1, minSplit / 4)));
        List<Chunk> done = new ArrayList<>();
        Set<String> deferred = deferred(columns, filterReads, filter);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (chunks == 1) {
                done.add(new Chunk(channel, 0, size, schema, columns, deferred, filter).call());
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
                    Thread t = new Thread(r, "egress-scan");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Chunk>> futures = new ArrayList<>();
                    for (int i = 0; i < chunks; i++) {
                        long start = size * i / chunks;
                        long end = size * (i + 1) / chunks;
                        futures.add(pool.submit(new Chunk(channel, start, end, schema, columns, deferred, filter)));
                    }
                    for (Future<Chunk> f : futures) {
                        done.add(await(f, file));
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        return assemble(file.toString(), schema, columns, done);
    }

    /** The kept columns a filter does not read: made only for the rows it keeps. */
    private static Set<String> deferred(Set<String> columns, Set<String> filterReads,
                                        Supplier<? extends Predicate<Object[]>> filter) {
        if (filter == null || filterReads == null) {
            return Set.of();
        }
        Set<String> deferred = new java.util.HashSet<>(columns);
        deferred.removeAll(filterReads);
        return deferred;
    }

    /** Receives the rows of a file in batches, in file order. */
    @FunctionalInterface
    public interface RowSink {
        void accept(List<Object[]> rows) throws IOException;
    }

    /** What {@link #stream} read: rows handed over, rows in the file, the format and the problems. */
    public record StreamResult(Schema schema, ExportFormat format, long rowsKept, long rowsRead,
                               List<ReadProblem> problems, long problemCount) {
        public StreamResult {
            problems = List.copyOf(problems);
        }
    }

    /** Bytes of a JSON lines file that {@link #stream} decodes as one batch. */
    static final long STREAM_RANGE = 8L << 20;

    /**
     * As {@link #scan}, but hands the kept rows to {@code sink} in batches, in file order, instead of
     * holding them: JSON lines files are cut into ranges of {@value #STREAM_RANGE} bytes that are decoded on
     * {@code threads} threads, at most {@code threads + 1} ranges ahead of the sink, so memory holds a few
     * ranges whatever the size of the file. {@code sink} runs on the calling thread. Other layouts are read
     * whole (as {@link #scan} reads them) and then handed over in batches.
     */
    public static StreamResult stream(Path file, Schema schema, Set<String> columns,
                                      Supplier<? extends Predicate<Object[]>> filter, int threads, RowSink sink)
            throws IOException {
        return stream(file, schema, columns, filter, threads, STREAM_RANGE, sink);
    }

    static StreamResult stream(Path file, Schema schema, Set<String> columns,
                               Supplier<? extends Predicate<Object[]>> filter, int threads, long range, RowSink sink)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(sink, "sink");
        Schema out = output(schema, columns);
        if (!looksLikeJsonLines(file)) {
            ScanResult whole = fallback(file, schema, columns, filter);
            List<Object[]> rows = whole.table().rows();
            int batch = 8192;
            for (int i = 0; i < rows.size(); i += batch) {
                sink.accept(rows.subList(i, Math.min(rows.size(), i + batch)));
            }
            return new StreamResult(out, whole.format(), rows.size(), whole.rowsRead(), whole.problems(),
                    whole.problemCount());
        }
        long size = Files.size(file);
        int chunks = (int) Math.max(1, (size + range - 1) / range);
        int workers = Math.max(1, Math.min(threads, chunks));
        long kept = 0;
        long read = 0;
        long problemCount = 0;
        long base = 0;
        List<ReadProblem> problems = new ArrayList<>();
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ExecutorService pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "egress-scan");
                t.setDaemon(true);
                return t;
            });
            try {
                java.util.ArrayDeque<Future<Chunk>> ahead = new java.util.ArrayDeque<>();
                int next = 0;
                for (int i = 0; i < chunks; i++) {
                    while (pool != null && next < chunks && ahead.size() <= workers) {
                        long start = size * next / chunks;
                        long end = size * (next + 1) / chunks;
                        ahead.add(pool.submit(new Chunk(channel, start, end, schema, columns, Set.of(), filter)));
                        next++;
                    }
                    Chunk c;
                    if (pool == null) {
                        c = new Chunk(channel, size * i / chunks, size * (i + 1) / chunks, schema, columns, Set.of(), filter)
                                .call();
                    } else {
                        c = await(ahead.removeFirst(), file);
                    }
                    kept += c.kept.size();
                    read += c.rowsRead;
                    problemCount += c.problemCount;
                    for (int k = 0; k < c.problemLines.size() && problems.size() < MAX_PROBLEMS; k++) {
                        problems.add(new ReadProblem(source, base + c.problemLines.get(k), c.problemReasons.get(k)));
                    }
                    base += c.lines;
                    if (!c.kept.isEmpty()) {
                        sink.accept(c.kept);
                    }
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }
        return new StreamResult(out, ExportFormat.JSON_LINES, kept, read, problems, problemCount);
    }

    private static ScanResult assemble(String source, Schema schema, Set<String> columns, List<Chunk> chunks) {
        int rows = 0;
        long read = 0;
        long problemCount = 0;
        for (Chunk c : chunks) {
            rows += c.kept.size();
            read += c.rowsRead;
            problemCount += c.problemCount;
        }
        List<Object[]> all = new ArrayList<>(rows);
        List<ReadProblem> problems = new ArrayList<>();
        long base = 0;
        for (Chunk c : chunks) {
            all.addAll(c.kept);
            for (int i = 0; i < c.problemLines.size() && problems.size() < MAX_PROBLEMS; i++) {
                problems.add(new ReadProblem(source, base + c.problemLines.get(i), c.problemReasons.get(i)));
            }
            base += c.lines;
        }
        return new ScanResult(Table.of(output(schema, columns), all), ExportFormat.JSON_LINES, read, problems,
                problemCount);
    }

    /** The columns of {@code schema} named in {@code columns}, in schema order. */
    public static Schema output(Schema schema, Set<String> columns) {
        List<Column> kept = new ArrayList<>();
        for (Column c : schema.columns()) {
            if (columns.contains(c.name())) {
                kept.add(c);
            }
        }
        return new Schema(kept);
    }

    /** JSON lines: the first non-blank line is one whole JSON object, and not an API response. */
    static boolean looksLikeJsonLines(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(BLOCK);
        }
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length || head[i] != '{') {
            return false;
        }
        int nl = i;
        while (nl < head.length && head[nl] != '\n') {
            nl++;
        }
        try (JsonParser p = FACTORY.createParser(head, i, nl - i)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ((name.equals("Results") || name.equals("Schema")) && value == JsonToken.START_ARRAY) {
                    return false;
                }
                p.skipChildren();
            }
            return p.currentToken() == JsonToken.END_OBJECT;
        } catch (IOException e) {
            return false; // the first object spans lines (or is malformed): let the general reader decide
        }
    }

    private static ScanResult fallback(Path file, Schema schema, Set<String> columns,
                                       Supplier<? extends Predicate<Object[]>> filter) throws IOException {
        ReadResult r = AdvancedHuntingReader.read(file, schema);
        Predicate<Object[]> test = filter == null ? null : filter.get();
        Schema out = output(schema, columns);
        int[] from = new int[out.size()];
        for (int i = 0; i < from.length; i++) {
            from[i] = schema.indexOf(out.column(i).name());
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : r.table().rows()) {
            if (test == null || test.test(row)) {
                Object[] cut = new Object[from.length];
                for (int i = 0; i < from.length; i++) {
                    cut[i] = row[from[i]];
                }
                rows.add(cut);
            }
        }
        List<ReadProblem> problems = r.problems().size() > MAX_PROBLEMS ? r.problems().subList(0, MAX_PROBLEMS)
                : r.problems();
        return new ScanResult(Table.of(out, rows), r.format(), r.table().rowCount(), problems, r.problems().size());
    }

    /** One byte range of a JSON lines file: the lines that start inside it. */
    private static final class Chunk implements java.util.concurrent.Callable<Chunk> {
        private final FileChannel channel;
        private final long start;
        private final long end;
        private final Schema schema;
        private final Set<String> columns;
        private final Set<String> deferred;
        private final Supplier<? extends Predicate<Object[]>> filter;
        final List<Object[]> kept = new ArrayList<>();
        final List<Long> problemLines = new ArrayList<>();
        final List<String> problemReasons = new ArrayList<>();
        long problemCount;
        long lines;
        long rowsRead;

        Chunk(FileChannel channel, long start, long end, Schema schema, Set<String> columns, Set<String> deferred,
              Supplier<? extends Predicate<Object[]>> filter) {
            this.channel = channel;
            this.deferred = deferred;
            this.start = start;
            this.end = end;
            this.schema = schema;
            this.columns = columns;
            this.filter = filter;
        }

        @Override
        public Chunk call() {
            JsonLineDecoder decoder = new JsonLineDecoder(FACTORY, schema, columns, deferred);
            Predicate<Object[]> test = filter == null ? null : filter.get();
            int[] keep = decoder.keepIndexes();
            JsonLineDecoder.Problems problems = (line, reason) -> {
                problemCount++;
                if (problemLines.size() < MAX_PROBLEMS) {
                    problemLines.add(line);
                    problemReasons.add(reason);
                }
            };
            byte[] buf = new byte[BLOCK];
            int len = 0;
            int off = 0;
            long bufPos = start == 0 ? 0 : start - 1;
            boolean skipping = start > 0; // the line running into this range belongs to the previous one
            boolean eof = false;
            int scanFrom = 0;
            try {
                while (true) {
                    // the first line of the file may start with a byte order mark: line() handles it
                    if (!skipping && bufPos + off < end && !(start == 0 && lines == 0)) {
                        int decoded = decoder.decodeLine(buf, off, len, lines + 1, problems);
                        if (decoded >= 0) {
                            lines++;
                            accept(decoder, test, keep);
                            off = decoded + 1;
                            continue;
                        }
                    }
                    int nl = Bytes.indexOfNewline(buf, Math.max(off, scanFrom), len);
                    if (nl < 0) {
                        if (eof) {
                            if (off < len && !skipping && bufPos + off < end) {
                                line(buf, off, len, decoder, test, keep, problems);
                            }
                            break;
                        }
                        if (off > 0) {
                            System.arraycopy(buf, off, buf, 0, len - off);
                            bufPos += off;
                            len -= off;
                            off = 0;
                        }
                        if (len == buf.length) {
                            buf = Arrays.copyOf(buf, buf.length * 2);
                        }
                        scanFrom = len;
                        int r = channel.read(ByteBuffer.wrap(buf, len, buf.length - len), bufPos + len);
                        if (r < 0) {
                            eof = true;
                        } else {
                            len += r;
                        }
                        continue;
                    }
                    scanFrom = nl + 1;
                    if (skipping) {
                        skipping = false;
                        off = nl + 1;
                        continue;
                    }
                    if (bufPos + off >= end) {
                        break;
                    }
                    line(buf, off, nl, decoder, test, keep, problems);
                    off = nl + 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        private void line(byte[] buf, int from, int to, JsonLineDecoder decoder, Predicate<Object[]> test, int[] keep,
                          JsonLineDecoder.Problems problems) {
            lines++;
            int a = from;
            int b = to;
            if (start == 0 && lines == 1 && b - a >= 3 && (buf[a] & 0xFF) == 0xEF && (buf[a + 1] & 0xFF) == 0xBB
                    && (buf[a + 2] & 0xFF) == 0xBF) {
                a += 3;
            }
            while (a < b && (buf[a] == ' ' || buf[a] == '\t' || buf[a] == '\r')) {
                a++;
            }
            while (b > a && (buf[b - 1] == ' ' || buf[b - 1] == '\t' || buf[b - 1] == '\r')) {
                b--;
            }
            if (a == b) {
                return;
            }
            if (decoder.decode(buf, a, b - a, lines, problems)) {
                accept(decoder, test, keep);
            }
        }

        /** Counts the decoded row and keeps its wanted columns when the filter accepts it. */
        private void accept(JsonLineDecoder decoder, Predicate<Object[]> test, int[] keep) {
            rowsRead++;
            Object[] row = decoder.row();
            if (test != null && !test.test(row)) {
                return;
            }
            decoder.materialize();
            Object[] out = new Object[keep.length];
            for (int k = 0; k < keep.length; k++) {
                out[k] = row[keep[k]];
            }
            kept.add(out);
        }
    }

    /** A chunk's result, with the worker's failure rethrown as the reader's own exception. */
    private static Chunk await(Future<Chunk> future, Path file) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
