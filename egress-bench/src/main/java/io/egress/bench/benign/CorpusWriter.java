package io.egress.bench.benign;

import io.egress.bench.gen.JsonLinesWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the corpus as Advanced Hunting JSON lines, one folder per corpus, files
 * {@code <Table>-<n>.jsonl} of at most {@code rowsPerFile} rows (egress reads each export file whole, so
 * files stay small), every column of the Defender schema in schema order.
 */
public final class CorpusWriter implements Closeable {
    public static final int DEFAULT_ROWS_PER_FILE = 50_000;

    private final Path folder;
    private final int rowsPerFile;
    private final Map<String, JsonLinesWriter> open = new HashMap<>();
    private final Map<String, Integer> rowsInFile = new HashMap<>();
    private final Map<String, Integer> fileIndex = new HashMap<>();
    private final List<Path> files = new ArrayList<>();

    public CorpusWriter(Path folder, int rowsPerFile) throws IOException {
        this.folder = folder;
        this.rowsPerFile = rowsPerFile;
        Files.createDirectories(folder);
    }

    public void write(String table, Object[] row) {
        try {
            JsonLinesWriter writer = open.get(table);
            if (writer == null || rowsInFile.get(table) >= rowsPerFile) {
                if (writer != null) {
                    writer.close();
                }
                int index = fileIndex.merge(table, 1, Integer::sum);
                Path file = folder.resolve(String.format(Locale.ROOT, "%s-%03d.jsonl", table, index));
                files.add(file);
                writer = new JsonLinesWriter(file, Emitter.schema(table));
                open.put(table, writer);
                rowsInFile.put(table, 0);
            }
            writer.write(row);
            rowsInFile.merge(table, 1, Integer::sum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        for (JsonLinesWriter writer : open.values()) {
            writer.close();
        }
        open.clear();
    }
}
