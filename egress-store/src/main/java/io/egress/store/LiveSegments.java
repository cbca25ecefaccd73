package io.egress.store;

import io.egress.store.format.CorruptSegmentException;
import io.egress.store.format.SegmentReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The segments of one table that hold its rows, opened: every listed segment except those a listed
 * segment replaces (a compaction's output names its inputs, docs/store.md "Compaction"). So a read never
 * sees a row twice, whether it lists the table before a compaction's output appears, after it, or after
 * a crash left replaced segments behind. A segment that vanishes between the listing and its opening was
 * deleted by a compaction whose output the listing missed: the table is listed again.
 */
public final class LiveSegments implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final List<SegmentReader> readers;
    private final List<SegmentProblem> problems;
    private final List<SegmentFile> replaced;

    private LiveSegments(List<SegmentReader> readers, List<SegmentProblem> problems, List<SegmentFile> replaced) {
        this.readers = readers;
        this.problems = problems;
        this.replaced = replaced;
    }

    public static LiveSegments open(Store store, String table) throws IOException {
        for (int attempt = 1; ; attempt++) {
            List<SegmentFile> files = store.segments(table);
            List<SegmentReader> opened = new ArrayList<>();
            List<SegmentFile> openedFiles = new ArrayList<>();
            List<SegmentProblem> problems = new ArrayList<>();
            boolean vanished = false;
            for (SegmentFile file : files) {
                try {
                    opened.add(SegmentReader.open(file.path()));
                    openedFiles.add(file);
                } catch (NoSuchFileException e) {
                    vanished = true;
                    break;
                } catch (CorruptSegmentException e) {
                    problems.add(new SegmentProblem(file.path(), e.getMessage()));
                } catch (IOException | RuntimeException e) {
                    closeAll(opened);
                    throw e;
                }
            }
            if (vanished) {
                closeAll(opened);
                if (attempt == ATTEMPTS) {
                    throw new IOException("the segments of " + table + " keep changing while they are listed"
                            + " (is a compaction running?)");
                }
                continue;
            }
            Set<String> replacedNames = new HashSet<>();
            opened.forEach(r -> replacedNames.addAll(r.header().replaces()));
            List<SegmentReader> live = new ArrayList<>();
            List<SegmentFile> replaced = new ArrayList<>();
            for (int i = 0; i < opened.size(); i++) {
                if (replacedNames.contains(openedFiles.get(i).name())) {
                    opened.get(i).close();
                    replaced.add(openedFiles.get(i));
                } else {
                    live.add(opened.get(i));
                }
            }
            problems.removeIf(p -> replacedNames.contains(p.file().getFileName().toString()));
            return new LiveSegments(live, problems, replaced);
        }
    }

    /** The live segments, open, in name order; closed with this object unless taken over by the caller. */
    public List<SegmentReader> readers() {
        return readers;
    }

    /** Listed segments that could not be opened (corrupt), except replaced ones. */
    public List<SegmentProblem> problems() {
        return problems;
    }

    /** Listed segments that a live one replaces (left behind by an interrupted compaction). */
    public List<SegmentFile> replaced() {
        return replaced;
    }

    @Override
    public void close() throws IOException {
        closeAll(readers);
    }

    private static void closeAll(List<SegmentReader> readers) throws IOException {
        IOException first = null;
        for (SegmentReader r : readers) {
            try {
                r.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
