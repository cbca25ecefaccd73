package io.egress.bench.run;

import io.egress.bench.gen.Dataset;
import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.store.Ingest;
import io.egress.store.ReadPlan;
import io.egress.store.Store;
import io.egress.store.StoreRead;
import io.egress.store.StoreReader;
import io.egress.store.query.QueryNeeds;
import io.egress.telemetry.FileReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Egress over its stored format: the generated JSON lines are ingested once into a fresh store (as
 * {@code egress ingest} does; timed and reported separately, like DuckDB's native load), then each run
 * reads only the columns and time range the seed needs ({@link QueryNeeds}) and executes the seed.
 */
public final class StoreEngine implements QueryEngine {
    private final Dataset data;
    private final String query;
    private final Path storeDir;
    private final int threads;
    private Compilation compilation;
    private Store store;
    private Phase ingest;

    public StoreEngine(Dataset data, String query, Path storeDir, int threads) {
        this.data = data;
        this.query = query;
        this.storeDir = storeDir;
        this.threads = threads;
    }

    @Override
    public String name() {
        return "egress-store";
    }

    @Override
    public String covers() {
        return "store read (the seed's columns and time range, " + threads + " threads) + query (1 thread)";
    }

    @Override
    public void prepare() throws Exception {
        compilation = new KqlEngine().compile(query, Catalog.defender());
        if (compilation.hasErrors()) {
            throw new IllegalStateException("the seed query does not compile: " + compilation.diagnostics());
        }
        deleteTree(storeDir);
        long start = System.nanoTime();
        store = Store.openOrCreate(storeDir, io.egress.store.Partitioning.HOUR);
        Ingest.Report report = new Ingest().ingest(new ArrayList<>(data.files().values()), store, null);
        ingest = new Phase("ingest the JSON lines into the store (" + report.segments().size() + " segments)",
                System.nanoTime() - start);
        for (FileReport file : report.files()) {
            if (file.malformed() > 0 || !file.format().equals("defender")) {
                throw new IllegalStateException("ingest of " + file.path() + ": format " + file.format() + ", "
                        + file.malformed() + " malformed, first: " + file.problems());
            }
        }
        if (report.rows() != data.totalRows()) {
            throw new IllegalStateException("ingested " + report.rows() + " rows, generated " + data.totalRows());
        }
    }

    @Override
    public Optional<Phase> preparation() {
        return Optional.ofNullable(ingest);
    }

    /** The bytes the store takes on disk. */
    public long storeBytes() throws IOException {
        try (Stream<Path> files = Files.walk(storeDir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public RunResult run() throws IOException {
        long start = System.nanoTime();
        ReadPlan plan = QueryNeeds.plan(compilation, data.config().now());
        StoreRead read = new StoreReader(threads).read(store, plan);
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("store read problems: " + read.problems());
        }
        long readDone = System.nanoTime();
        Table result = compilation.execute(read.tables(), data.config().now());
        long done = System.nanoTime();
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("read", readDone - start);
        phases.put("query", done - readDone);
        return new RunResult(EgressEngine.keys(result), phases);
    }

    @Override
    public void close() {
        compilation = null;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
