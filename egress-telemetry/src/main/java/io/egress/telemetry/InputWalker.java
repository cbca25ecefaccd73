package io.egress.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names into the files to read: files as given, directories walked recursively in sorted order. */
final class InputWalker {
    /** One file to read, the name to show for it, and whether the user named it directly. */
    record Input(Path path, String name, boolean explicit) {
    }

    private InputWalker() {
    }

    static List<Input> expand(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(p -> out.add(new Input(p, p.toString(), false)));
                }
            } else {
                out.add(new Input(path, path.toString(), true));
            }
        }
        return out;
    }
}
