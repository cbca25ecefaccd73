package io.egress.bench;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.DatasetCache;
import io.egress.bench.gen.GeneratorConfig;
import io.egress.bench.run.BenchReport;
import io.egress.bench.run.DuckDbEngine;
import io.egress.bench.run.EgressEngine;
import io.egress.bench.run.Interleaver;
import io.egress.bench.run.QueryEngine;
import io.egress.bench.run.ResultDiff;
import io.egress.bench.run.RunResult;
import io.egress.bench.run.StoreEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Egress-versus-DuckDB benchmark: generates (or reuses) a data set, runs the seed detection with
 * Egress over the JSON lines and with DuckDB over the same JSON lines and over native tables,
 * interleaved, checks that they return the same rows and writes a Markdown report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times the T1048.003 seed detection: Egress vs DuckDB over the same generated Defender export.")
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--rows", description = "rows per table (default ${DEFAULT-VALUE})")
    long rows = 200_000;
    @Option(names = "--seed", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--exfil-share", description = "share of exfiltration-like rows (default ${DEFAULT-VALUE})")
    double exfilShare = 0.002;
    @Option(names = "--near-miss-share", description = "share of near misses (default ${DEFAULT-VALUE})")
    double nearMissShare = 0.05;
    @Option(names = "--devices", description = "distinct devices (default ${DEFAULT-VALUE})")
    int devices = 500;
    @Option(names = "--users", description = "distinct users (default ${DEFAULT-VALUE})")
    int users = 400;
    @Option(names = "--processes", description = "distinct long-lived parent processes (default ${DEFAULT-VALUE})")
    int processes = 4000;
    @Option(names = "--warmup", description = "discarded rounds (default ${DEFAULT-VALUE})")
    int warmup = 1;
    @Option(names = "--iterations", description = "measured rounds (default ${DEFAULT-VALUE})")
    int iterations = 3;
    @Option(names = "--threads", description = "DuckDB threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();
    @Option(names = "--engines", split = ",", description = "engines to run (default ${DEFAULT-VALUE})")
    List<String> engines = List.of("egress-json", "egress-store", "duckdb-json", "duckdb-native");
    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})")
    Path out = Path.of("bench-out");
    @Option(names = "--data", description = "data cache directory (default: OUT/data)")
    Path data;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        GeneratorConfig config;
        try {
            config = new GeneratorConfig(rows, seed, exfilShare, nearMissShare, devices, users, processes,
                    GeneratorConfig.DEFAULT_NOW, GeneratorConfig.DEFAULT_SPAN);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (warmup < 0 || iterations < 1 || threads < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--warmup must be >= 0, --iterations and --threads >= 1");
        }
        for (String name : engines) {
            if (!List.of("egress-json", "egress-store", "duckdb-json", "duckdb-native").contains(name)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown engine " + name
                        + " (expected egress-json, egress-store, duckdb-json or duckdb-native)");
            }
        }
        Path dataRoot = data != null ? data : out.resolve("data");
        Files.createDirectories(out);
        long start = System.nanoTime();
        Dataset dataset = DatasetCache.ensure(dataRoot, config);
        log(String.format(Locale.ROOT, "data: %s (%,.1f MB, %.1f s to generate or find)", dataset.directory(),
                dataset.totalBytes() / 1e6, (System.nanoTime() - start) / 1e9));
        List<QueryEngine> contenders = new ArrayList<>();
        for (String name : engines) {
            contenders.add(switch (name) {
                case "egress-json" -> new EgressEngine(dataset, EgressEngine.seedQuery());
                case "egress-store" -> new StoreEngine(dataset, EgressEngine.seedQuery(),
                        out.resolve("store").resolve(dataset.directory().getFileName().toString()), threads);
                case "duckdb-json" -> new DuckDbEngine(dataset, DuckDbEngine.Mode.JSON, threads);
                case "duckdb-native" -> new DuckDbEngine(dataset, DuckDbEngine.Mode.NATIVE, threads);
                default -> throw new IllegalStateException("unchecked engine " + name);
            });
        }
        try {
            for (QueryEngine engine : contenders) {
                engine.prepare();
                engine.preparation().ifPresent(p -> log(String.format(Locale.ROOT, "%s: %s %.1f ms", engine.name(), p.name(), p.nanos() / 1e6)));
            }
            Interleaver.Outcome outcome = new Interleaver(contenders, warmup, iterations, BenchMain::log).run();
            String report = BenchReport.markdown(dataset, contenders, BenchReport.summarise(contenders, outcome.measurements()),
                    environment());
            StringBuilder answers = new StringBuilder();
            List<String> names = new ArrayList<>(outcome.lastResults().keySet());
            boolean allSame = true;
            for (int i = 1; i < names.size(); i++) {
                RunResult a = outcome.lastResults().get(names.get(0));
                RunResult b = outcome.lastResults().get(names.get(i));
                ResultDiff diff = ResultDiff.of(names.get(0), a, names.get(i), b);
                allSame &= diff.same();
                answers.append("- ").append(diff.describe(20).strip()).append('\n');
            }
            String full = report + "\nAnswers (" + dataset.expectedDetections() + " expected):\n" + answers;
            Files.writeString(out.resolve("report.md"), full);
            System.out.println();
            System.out.println(full);
            return allSame ? 0 : 2;
        } finally {
            for (QueryEngine engine : contenders) {
                engine.close();
            }
        }
    }

    private static String environment() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %d cores, Java %s, max heap %,d MiB, DuckDB %s, %s.", rt.availableProcessors(),
                System.getProperty("java.version"), rt.maxMemory() >> 20, duckDbVersion(), System.getProperty("os.name"));
    }

    private static String duckDbVersion() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var s = c.createStatement(); var rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    private static void log(String line) {
        System.err.println(line);
    }
}
