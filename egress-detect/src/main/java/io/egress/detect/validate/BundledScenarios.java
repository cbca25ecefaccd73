package io.egress.detect.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The T1048.003 scenarios shipped in the jar ({@code rules/T1048.003/scenarios/files.txt} lists them), copied out to a folder. */
public final class BundledScenarios {
    static final String ROOT = "rules/T1048.003/scenarios/";

    private BundledScenarios() {
    }

    public static List<String> files() throws IOException {
        return text("files.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Copies every bundled scenario file under {@code target} and returns it. */
    public static Path extract(Path target) throws IOException {
        for (String file : files()) {
            Path out = target.resolve(file).normalize();
            if (!out.startsWith(target)) {
                throw new IOException("bad bundled scenario path " + file);
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = open(file)) {
                Files.copy(in, out);
            }
        }
        return target;
    }

    private static String text(String file) throws IOException {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = BundledScenarios.class.getClassLoader().getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("bundled scenario file missing from the jar: " + ROOT + file);
        }
        return in;
    }
}
