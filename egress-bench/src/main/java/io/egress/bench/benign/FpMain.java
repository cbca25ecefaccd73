package io.egress.bench.benign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bench fp}: generates (or reuses) the benign corpus and measures rule packs' false positives on
 * it, with and without their bundled tuning, through egress detect's code. Writes {@code OUT/fp-report.md}.
 */
@Command(name = "fp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures rule packs' false-positive rate (alerts per 10^6 events) on a generated benign Defender corpus.")
public final class FpMain implements Callable<Integer> {
    @Option(names = "--events", description = "events in the corpus, all four tables together (default ${DEFAULT-VALUE})")
    long events = 1_000_000;
    @Option(names = "--seed", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--devices", description = "fleet size (default ${DEFAULT-VALUE})")
    int devices = 1_000;
    @Option(names = "--days", description = "days the corpus spans, ending 2026-11-20T00:00Z (default ${DEFAULT-VALUE})")
    int days = BenignConfig.DEFAULT_DAYS;
    @Option(names = "--pack", paramLabel = "DIR", description = "rule pack folder (rule files + tuning.yaml), repeatable"
            + " (default: rules/T1048.003 and rules/T1048.003-v2 when present)")
    List<Path> packs = new ArrayList<>();
    @Option(names = "--top", description = "top alerting rows listed per rule (default ${DEFAULT-VALUE})")
    int top = 10;
    @Option(names = "--out", description = "output folder (default ${DEFAULT-VALUE})")
    Path out = Path.of("bench-out", "fp");
    @Option(names = "--generate-only", description = "write the corpus and its composition, measure nothing")
    boolean generateOnly;
    @Option(names = "--reuse", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "reuse a corpus already generated with the same parameters in OUT (default ${DEFAULT-VALUE})")
    boolean reuse = true;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FpMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenignConfig config;
        try {
            config = new BenignConfig(events, seed, devices, days, BenignConfig.DEFAULT_END);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (packs.isEmpty()) {
            packs.add(Path.of("rules", "T1048.003"));
            if (Files.isDirectory(Path.of("rules", "T1048.003-v2"))) {
                packs.add(Path.of("rules", "T1048.003-v2"));
            }
        }
        for (Path pack : packs) {
            if (!Files.isDirectory(pack)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--pack " + pack + ": no such folder");
            }
        }
        Path corpus = out.resolve(config.key());
        Path manifest = out.resolve(config.key() + ".md");
        long t0 = System.nanoTime();
        String composition;
        if (reuse && Files.isRegularFile(manifest) && Files.isDirectory(corpus)) {
            composition = Files.readString(manifest, StandardCharsets.UTF_8);
            log("corpus: reusing " + corpus + " (delete " + manifest + " to regenerate)");
        } else {
            Files.deleteIfExists(manifest);
            Generated g = generate(config, corpus);
            log(String.format(Locale.ROOT, "corpus: %s, %,d events, %.1f MB, sha256 %s (%.1f s)", corpus, g.counts().events(), g.bytes() / 1e6,
                    g.sha256().substring(0, 16), (System.nanoTime() - t0) / 1e9));
            composition = FpReport.corpus(config, g.counts()) + "\nCorpus digest (sha256 over the files in name order): `" + g.sha256()
                    + "`\n\n";
            Files.writeString(manifest, composition, StandardCharsets.UTF_8);
        }
        StringBuilder report = new StringBuilder("# False positives on the benign corpus\n\n");
        report.append("Command: `./bench fp --events ").append(events).append(" --seed ").append(seed).append(" --devices ").append(devices)
                .append(" --days ").append(days);
        packs.forEach(p -> report.append(" --pack ").append(p));
        report.append("`\n\n").append(composition);
        if (generateOnly) {
            write(report.toString());
            return 0;
        }
        long t1 = System.nanoTime();
        FpMeasure measure = FpMeasure.load(corpus, config.start(), config.end());
        log(String.format(Locale.ROOT, "read %,d events with egress's telemetry loader (%.1f s)", measure.events(), (System.nanoTime() - t1) / 1e9));
        List<PackMeasurement> results = new ArrayList<>();
        for (Path pack : packs) {
            long t2 = System.nanoTime();
            PackMeasurement m = measure.measure(pack, top);
            results.add(m);
            log(String.format(Locale.ROOT, "%s: %,d alerts without tuning, %,d with (%.1f s)", pack, m.alerts(false), m.alerts(true),
                    (System.nanoTime() - t2) / 1e9));
        }
        report.append("## Alerts per 10^6 events\n\n").append(FpReport.headline(results)).append('\n');
        for (PackMeasurement m : results) {
            report.append(FpReport.details(m));
        }
        write(report.toString());
        return 0;
    }

    private void write(String report) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("fp-report.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** A written corpus: counts, total bytes and digest. */
    record Generated(BenignGenerator.Counts counts, long bytes, String sha256) {
    }

    /** Writes the corpus into {@code folder} (replacing what is there) and digests it. */
    static Generated generate(BenignConfig config, Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (var list = Files.list(folder)) {
                for (Path p : list.toList()) {
                    Files.delete(p);
                }
            }
        }
        BenignGenerator.Counts counts;
        List<Path> files;
        try (CorpusWriter writer = new CorpusWriter(folder, CorpusWriter.DEFAULT_ROWS_PER_FILE)) {
            counts = new BenignGenerator(config).generate((table, row, population) -> writer.write(table, row));
            files = new ArrayList<>(writer.files());
        }
        files.sort(null);
        return new Generated(counts, files.stream().mapToLong(FpMain::size).sum(), digest(files));
    }

    static String digest(List<Path> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try (var in = Files.newInputStream(f)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void log(String line) {
        System.err.println(line);
    }

    static Instant end() {
        return BenignConfig.DEFAULT_END;
    }
}
