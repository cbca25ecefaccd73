package io.egress.detect.validate;

import io.egress.detect.rule.RuleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scenarios of the bundled rule packs, shipped in the jar: each pack folder named in
 * {@code rules/pack.txt} may have {@code scenarios/files.txt} listing its scenario files.
 */
public final class BundledScenarios {
    static final String ROOT = "rules/";
    static final String INDEX = "scenarios/files.txt";

    private BundledScenarios() {
    }

    /** The bundled pack folders (relative to {@code rules/}), in {@code pack.txt} order. */
    public static List<String> packs() {
        Set<String> packs = new LinkedHashSet<>();
        for (String file : RuleLoader.bundledFiles()) {
            int slash = file.indexOf('/');
            if (slash > 0) {
                packs.add(file.substring(0, slash));
            }
        }
        return List.copyOf(packs);
    }

    /** The scenario files of one pack, relative to its {@code scenarios/} folder; empty when it has none. */
    public static List<String> files(String pack) throws IOException {
        try (InputStream in = resource(pack + "/" + INDEX)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    /** Copies every bundled pack's scenarios to {@code target/<pack>/} and returns those folders. */
    public static List<Path> extract(Path target) throws IOException {
        List<Path> roots = new java.util.ArrayList<>();
        for (String pack : packs()) {
            List<String> files = files(pack);
            if (files.isEmpty()) {
                continue;
            }
            Path root = target.resolve(pack).normalize();
            for (String file : files) {
                Path out = root.resolve(file).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("bad bundled scenario path " + pack + "/" + file);
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = resource(pack + "/scenarios/" + file)) {
                    if (in == null) {
                        throw new IOException("bundled scenario file missing from the jar: " + ROOT + pack + "/scenarios/" + file);
                    }
                    Files.copy(in, out);
                }
            }
            roots.add(root);
        }
        return roots;
    }

    private static InputStream resource(String name) {
        return BundledScenarios.class.getClassLoader().getResourceAsStream(ROOT + name);
    }
}
