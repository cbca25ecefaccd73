package io.egress.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.store.format.SegmentFormat;
import io.egress.store.format.SegmentWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A store directory (docs/store.md): a marker file {@value #MARKER} naming the format, its version and
 * the partitioning, and one sub-directory per table holding segment files. The directory listing is the
 * manifest: a segment is part of the store once its final name exists (it is renamed into place whole),
 * and segments are never modified afterwards, so appends never disturb readers.
 */
public final class Store {
    public static final String MARKER = "egress-store.json";
    /** The store layout version this code writes and reads. */
    public static final int LAYOUT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Path root;
    private final Partitioning partitioning;

    private Store(Path root, Partitioning partitioning) {
        this.root = root;
        this.partitioning = partitioning;
    }

    /** Opens an existing store. */
    public static Store open(Path root) throws StoreException {
        Objects.requireNonNull(root, "root");
        Path marker = root.resolve(MARKER);
        if (!Files.isDirectory(root)) {
            throw new StoreException(root + " is not a store: no such directory (create one with egress ingest)");
        }
        if (!Files.isRegularFile(marker)) {
            throw new StoreException(root + " is not a store: it has no " + MARKER + " (create one with egress ingest)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(marker, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot read " + marker + ": " + e.getMessage());
        }
        if (node == null || !"egress-store".equals(node.path("format").asText())) {
            throw new StoreException(marker + " does not describe an egress store");
        }
        int version = node.path("version").asInt(-1);
        if (version < 1 || version > LAYOUT_VERSION) {
            throw new StoreException(root + " has store layout version " + version + "; this Egress reads version "
                    + LAYOUT_VERSION);
        }
        Partitioning partitioning = Partitioning.fromLabel(node.path("partition").asText("hour"))
                .orElseThrow(() -> new StoreException(marker + ": unknown partition '" + node.path("partition").asText() + "'"));
        return new Store(root, partitioning);
    }

    /**
     * Opens the store at {@code root}, creating it (and the directory) when absent. An existing non-empty
     * directory without a marker is refused, so that ingest never writes into an unrelated folder.
     * {@code partitioning} applies to a new store; an existing store keeps its own.
     */
    public static Store openOrCreate(Path root, Partitioning partitioning) throws StoreException {
        if (Files.isRegularFile(root.resolve(MARKER))) {
            return open(root);
        }
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new StoreException(root + " is a file, not a store directory");
            }
            if (Files.isDirectory(root)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                    if (entries.iterator().hasNext()) {
                        throw new StoreException(root + " is not empty and not a store (no " + MARKER
                                + "); choose a new or empty directory");
                    }
                }
            }
            Files.createDirectories(root);
            ObjectNode marker = JSON.createObjectNode();
            marker.put("format", "egress-store");
            marker.put("version", LAYOUT_VERSION);
            marker.put("segmentFormatVersion", SegmentFormat.VERSION);
            marker.put("partition", partitioning.label());
            marker.put("createdBy", SegmentFormat.WRITER);
            Path temp = root.resolve(SegmentWriter.TEMP_PREFIX + MARKER);
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marker) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(temp, root.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
            SegmentWriter.forceDirectory(root);
        } catch (IOException e) {
            throw new StoreException("cannot create a store in " + root + ": " + e.getMessage());
        }
        return new Store(root, partitioning);
    }

    public Path root() {
        return root;
    }

    public Partitioning partitioning() {
        return partitioning;
    }

    /** The directory of a table's segments, created when absent. */
    Path tableDirectory(String table) throws IOException {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IOException("table name '" + table + "' cannot be stored (letters, digits and _ only)");
        }
        Path dir = root.resolve(table);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            SegmentWriter.forceDirectory(root);
        }
        return dir;
    }

    /** The tables that have a directory, sorted. */
    public List<String> tables() throws IOException {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (TABLE_NAME.matcher(name).matches()) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Every visible segment of a table, in name order (partition time, then ingest, then sequence). */
    public List<SegmentFile> segments(String table) throws IOException {
        Path dir = root.resolve(table);
        List<SegmentFile> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(SegmentFormat.SUFFIX) && Files.isRegularFile(p)) {
                    out.add(new SegmentFile(table, p));
                }
            }
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Every segment of every table. */
    public List<SegmentFile> segments() throws IOException {
        List<SegmentFile> out = new ArrayList<>();
        for (String table : tables()) {
            out.addAll(segments(table));
        }
        return out;
    }
}
