package io.egress.kql.syntax;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the optional third-party {@code shared/} folder beside the checkout (same rules as
 * io.egress.data.SharedData, repeated here because this module has no dependencies).
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Optional<Path> resolve(String relative) {
        String configured = System.getProperty("egress.shared", System.getenv("EGRESS_SHARED"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured).resolve(relative);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        String root = System.getProperty("egress.repo.root");
        Path start = (root != null ? Path.of(root) : Path.of("")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus")) || Files.isDirectory(candidate.resolve("seed"))) {
                Path p = candidate.resolve(relative);
                return Files.exists(p) ? Optional.of(p) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
