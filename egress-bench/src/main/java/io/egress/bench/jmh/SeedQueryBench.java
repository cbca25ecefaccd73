package io.egress.bench.jmh;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.DatasetCache;
import io.egress.bench.run.EgressEngine;
import io.egress.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The query phase alone: the compiled seed executed by Egress over tables already in memory
 * ({@code rows} generated rows per table), the kernel the columnar engine must speed up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class SeedQueryBench {
    @Param({"20000"})
    public int rows;

    private Path dir;
    private EgressEngine engine;
    private Map<String, Table> tables;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("egress-seed-bench");
        Dataset data = DatasetCache.ensure(dir, SampleLines.config(rows));
        engine = new EgressEngine(data, EgressEngine.seedQuery());
        engine.prepare();
        tables = engine.readTablesWhole();
    }

    @org.openjdk.jmh.annotations.TearDown
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public int execute() {
        return engine.execute(tables).rowCount();
    }
}
