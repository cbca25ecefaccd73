package io.egress.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Compiles every Sigma file under some paths and tallies the outcomes: what {@code egress sigma lint} prints. */
public final class SigmaLint {
    private SigmaLint() {
    }

    /** One linted document: the file (with {@code #n} for the n-th document of a multi-document file). */
    public record Entry(String path, SigmaConversion conversion) {
    }

    /** The {@code .yml}/{@code .yaml} files at or under the paths, sorted; a missing path is reported as invalid. */
    public static List<Entry> lint(SigmaCompiler compiler, List<Path> paths) {
        List<Entry> entries = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    entries.add(new Entry(path.toString(), compiler.compileAll(path).get(0)));
                    continue;
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                List<SigmaConversion> conversions = compiler.compileAll(file);
                for (int i = 0; i < conversions.size(); i++) {
                    String name = conversions.size() == 1 ? file.toString() : file + "#" + (i + 1);
                    entries.add(new Entry(name, conversions.get(i)));
                }
            }
        }
        return entries;
    }

    public static Map<Status, Integer> counts(List<Entry> entries) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        entries.forEach(e -> counts.merge(e.conversion().status(), 1, Integer::sum));
        return counts;
    }

    /** {@code STATUS<TAB>PATH[<TAB>REASON]}. */
    public static String line(Entry entry) {
        SigmaConversion conversion = entry.conversion();
        return conversion.status().word() + "\t" + entry.path()
                + (conversion.reason() == null ? "" : "\t" + conversion.reason().replace('\n', ' '));
    }

    /** {@code N rules: a ok, b unsupported, c unsatisfiable, d invalid (p% ok)}. */
    public static String summary(List<Entry> entries) {
        Map<Status, Integer> counts = counts(entries);
        int total = entries.size();
        double ok = total == 0 ? 0 : 100.0 * counts.get(Status.OK) / total;
        return String.format(java.util.Locale.ROOT, "%d rules: %d ok, %d unsupported, %d unsatisfiable, %d invalid (%.1f%% ok)",
                total, counts.get(Status.OK), counts.get(Status.UNSUPPORTED), counts.get(Status.UNSATISFIABLE),
                counts.get(Status.INVALID), ok);
    }
}
