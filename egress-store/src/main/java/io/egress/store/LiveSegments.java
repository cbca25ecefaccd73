package io.egress.store;

import io.egress.store.format.CorruptSegmentException;
import io.egress.store.format.SegmentHeader;
import io.egress.store.format.SegmentReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The segments of one table that hold its rows, with their headers: every listed segment except those a
 * listed segment replaces (a compaction's output names its inputs, docs/store.md "Compaction"). So a read
 * never sees a row twice, whether it lists the table before a compaction's output appears, after it, or
 * after a crash left replaced segments behind. Headers are read one file at a time and the files closed
 * again (a table may hold thousands of segments). A segment that vanishes between the listing and the
 * reading of its header was deleted by a compaction whose output the listing missed: the table is listed
 * again. A reader that opens a segment later and finds it gone does the same ({@link #isVanished}).
 */
public final class LiveSegments {
    /** Listings of one table before giving up on a store that keeps changing. */
    static final int ATTEMPTS = 5;

    /** A live segment, its header and its size (to reopen it without reading the header again). */
    public record Live(SegmentFile file, SegmentHeader header, long size) {
        public SegmentReader reopen() throws IOException, CorruptSegmentException {
            return SegmentReader.reopen(file.path(), header, size);
        }
    }

    private final List<Live> live;
    private final List<SegmentProblem> problems;
    private final List<SegmentFile> replaced;

    private LiveSegments(List<Live> live, List<SegmentProblem> problems, List<SegmentFile> replaced) {
        this.live = List.copyOf(live);
        this.problems = List.copyOf(problems);
        this.replaced = List.copyOf(replaced);
    }

    public static LiveSegments list(Store store, String table) throws IOException {
        for (int attempt = 1; ; attempt++) {
            LiveSegments listed = tryList(store, table);
            if (listed != null) {
                return listed;
            }
            if (attempt == ATTEMPTS) {
                throw changing(table);
            }
        }
    }

    /** The error after a table kept changing under {@link #ATTEMPTS} listings. */
    static IOException changing(String table) {
        return new IOException("the segments of " + table + " keep changing while they are read"
                + " (is a compaction running?)");
    }

    /** Whether an error opening a listed segment means it was deleted since (list the table again). */
    public static boolean isVanished(IOException e) {
        return e instanceof NoSuchFileException;
    }

    /** One listing, or null when a listed segment vanished before its header was read. */
    private static LiveSegments tryList(Store store, String table) throws IOException {
        List<Live> all = new ArrayList<>();
        List<SegmentProblem> problems = new ArrayList<>();
        for (SegmentFile file : store.segments(table)) {
            try (SegmentReader reader = SegmentReader.open(file.path())) {
                all.add(new Live(file, reader.header(), reader.fileSize()));
            } catch (NoSuchFileException e) {
                return null;
            } catch (CorruptSegmentException e) {
                problems.add(new SegmentProblem(file.path(), e.getMessage()));
            }
        }
        Set<String> replacedNames = new HashSet<>();
        all.forEach(l -> replacedNames.addAll(l.header().replaces()));
        List<Live> live = new ArrayList<>();
        List<SegmentFile> replaced = new ArrayList<>();
        for (Live l : all) {
            if (replacedNames.contains(l.file().name())) {
                replaced.add(l.file());
            } else {
                live.add(l);
            }
        }
        problems.removeIf(p -> replacedNames.contains(p.file().getFileName().toString()));
        return new LiveSegments(live, problems, replaced);
    }

    /** The live segments in name order. */
    public List<Live> live() {
        return live;
    }

    /** Listed segments whose header cannot be read (corrupt), except replaced ones. */
    public List<SegmentProblem> problems() {
        return problems;
    }

    /** Listed segments that a live one replaces (left behind by an interrupted compaction). */
    public List<SegmentFile> replaced() {
        return replaced;
    }
}
