package io.egress.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the optional {@code shared/} folder of third-party test material (corpus, schemas, seed) that
 * sits beside a developer's checkout. A user's clone has none, so every caller must cope with empty.
 * Looked up from the system property {@code egress.shared}, else the environment variable
 * {@code EGRESS_SHARED}, else a {@code shared} folder beside the repository root or any parent of the
 * working directory.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> find() {
        String configured = System.getProperty("egress.shared", System.getenv("EGRESS_SHARED"));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        String root = System.getProperty("egress.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus")) || Files.isDirectory(candidate.resolve("seed"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/} + relative path, when that exists. */
    public static Optional<Path> resolve(String relative) {
        return find().map(dir -> dir.resolve(relative)).filter(Files::exists);
    }
}
