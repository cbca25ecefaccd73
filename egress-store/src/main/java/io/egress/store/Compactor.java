package io.egress.store;

import io.egress.data.Schema;
import io.egress.store.format.CorruptSegmentException;
import io.egress.store.format.SegmentFormat;
import io.egress.store.format.SegmentHeader;
import io.egress.store.format.SegmentReader;
import io.egress.store.format.SegmentWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the small segments of each partition into segments of up to {@code maxRows} rows (docs/store.md,
 * "Compaction"): appends, small heaps and out-of-order telemetry leave many small segments, and a read
 * pays per segment. Each output segment names the inputs it replaces, is renamed into place whole, and
 * only then are its inputs deleted: a reader sees either the inputs or the output, never both (readers
 * skip replaced segments, {@link LiveSegments}), and a crash at any point loses nothing. One compaction
 * runs per store at a time (a lock file); ingests and reads may run beside it.
 */
public final class Compactor {
    /** The lock file a compaction holds (an OS lock: released if the process dies). */
    public static final String LOCK = ".compact.lock";
    /**
     * A temporary segment file older than this was left by a crashed writer: a writer renames its file
     * into place seconds after creating it, and ingests take no lock, so younger ones are left alone.
     */
    static final java.time.Duration ABANDONED = java.time.Duration.ofHours(1);

    private final Store store;
    private final int maxRows;

    /** What one compaction did. */
    public record Report(int tablesSeen, int segmentsBefore, int segmentsReplaced, int segmentsWritten,
                         long rowsMoved, int leftoversDeleted, int tempFilesDeleted, List<SegmentProblem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }
    }

    public Compactor(Store store, int maxRows) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2");
        }
        this.maxRows = maxRows;
    }

    /** Compacts {@code tables} (all tables when empty); fails when another compaction holds the store. */
    public Report compact(List<String> tables) throws IOException, StoreException {
        Path lockFile = store.root().resolve(LOCK);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StoreException("another compaction is running on " + store.root() + "; run this one after it"
                        + " ends (its lock on " + LOCK + " is released when it ends or dies)");
            }
            try {
                return compactLocked(tables.isEmpty() ? store.tables() : tables);
            } finally {
                lock.release();
            }
        }
    }

    private Report compactLocked(List<String> tables) throws IOException {
        String runId = StoreWriter.newIngestId();
        int before = 0;
        int replaced = 0;
        int written = 0;
        long moved = 0;
        int leftovers = 0;
        int temps = 0;
        List<SegmentProblem> problems = new ArrayList<>();
        int sequence = 0;
        for (String table : tables) {
            temps += deleteAbandonedTemps(store.root().resolve(table));
            // under the lock nothing but this compaction deletes segments, so the listing stays true
            LiveSegments live = LiveSegments.list(store, table);
            before += live.live().size();
            problems.addAll(live.problems());
            for (SegmentFile stale : live.replaced()) {
                leftovers += delete(stale.path()) ? 1 : 0; // an interrupted compaction's inputs
            }
            for (List<LiveSegments.Live> group : groups(live.live())) {
                Path dir = group.get(0).file().path().getParent();
                String name = partitionOfName(group.get(0).file().name()) + "_" + runId + "_"
                        + String.format("%05d", sequence++) + SegmentFormat.SUFFIX;
                List<Object[]> rows = new ArrayList<>();
                try {
                    for (LiveSegments.Live segment : group) {
                        try (SegmentReader r = segment.reopen()) {
                            rows.addAll(r.readAllRows());
                        }
                    }
                } catch (CorruptSegmentException e) {
                    problems.add(new SegmentProblem(dir, "a group of " + group.size() + " segments was left as"
                            + " it is: " + e.getMessage()));
                    continue;
                }
                SegmentHeader first = group.get(0).header();
                sortByTime(rows, first);
                SegmentWriter.write(dir.resolve(name), table, first.schema(), rows, first.timeColumn().orElse(null),
                        replacedNames(group));
                written++;
                moved += rows.size();
                for (LiveSegments.Live segment : group) {
                    delete(segment.file().path());
                    replaced++;
                }
                SegmentWriter.forceDirectory(dir);
            }
        }
        return new Report(tables.size(), before, replaced, written, moved, leftovers, temps, problems);
    }

    /**
     * Deletes a replaced segment; false when it cannot be deleted now (open elsewhere on Windows, say).
     * Readers skip it anyway, and the next compaction tries again.
     */
    private static boolean delete(Path replacedSegment) {
        try {
            return Files.deleteIfExists(replacedSegment);
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes the temporary files in {@code dir} last written more than {@link #ABANDONED} ago. */
    private static int deleteAbandonedTemps(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(ABANDONED);
        int deleted = 0;
        try (java.nio.file.DirectoryStream<Path> temps = Files.newDirectoryStream(dir, SegmentWriter.TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(cutoff) && Files.deleteIfExists(temp)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /**
     * The runs of consecutive small segments (fewer than half of {@code maxRows} rows) of one partition
     * and schema whose rows fit one output segment; runs of one segment are left alone.
     */
    List<List<LiveSegments.Live>> groups(List<LiveSegments.Live> segments) {
        List<List<LiveSegments.Live>> out = new ArrayList<>();
        List<LiveSegments.Live> run = new ArrayList<>();
        long rows = 0;
        for (LiveSegments.Live s : segments) {
            SegmentHeader h = s.header();
            boolean small = h.rowCount() < maxRows / 2;
            boolean fits = !run.isEmpty() && rows + h.rowCount() <= maxRows
                    && partitionOfName(run.get(0).file().name()).equals(partitionOfName(s.file().name()))
                    && sameShape(run.get(0).header(), h);
            if (!fits) {
                if (run.size() > 1) {
                    out.add(run);
                }
                run = new ArrayList<>();
                rows = 0;
            }
            if (small) {
                run.add(s);
                rows += h.rowCount();
            }
        }
        if (run.size() > 1) {
            out.add(run);
        }
        return out;
    }

    private static boolean sameShape(SegmentHeader a, SegmentHeader b) {
        return a.table().equals(b.table()) && sameSchema(a.schema(), b.schema()) && a.timeColumn().equals(b.timeColumn());
    }

    private static boolean sameSchema(Schema a, Schema b) {
        return a.columns().equals(b.columns());
    }

    /** The partition a segment's name starts with ({@code 20260115T10Z}, {@code notime}). */
    static String partitionOfName(String name) {
        int cut = name.indexOf('_');
        return cut < 0 ? name : name.substring(0, cut);
    }

    /**
     * The names the output replaces: its inputs, and what they replace in turn (still present only after a
     * crash and a failed delete): were those left out, deleting the inputs would bring them back.
     */
    private static List<String> replacedNames(List<LiveSegments.Live> group) {
        Set<String> names = new LinkedHashSet<>();
        for (LiveSegments.Live segment : group) {
            names.add(segment.file().name());
            for (String older : segment.header().replaces()) {
                if (Files.exists(segment.file().path().resolveSibling(older))) {
                    names.add(older);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Time order (rows without a time last), so the output's range is tight; stable for equal times. */
    private static void sortByTime(List<Object[]> rows, SegmentHeader header) {
        int time = header.timeColumn().map(header.schema()::indexOf).orElse(-1);
        if (time < 0) {
            return;
        }
        rows.sort(Comparator.comparing(r -> r[time] instanceof Instant t ? t : null,
                Comparator.nullsLast(Comparator.naturalOrder())));
    }
}
