package io.egress.bench.run;

import io.egress.bench.gen.Dataset;
import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.data.io.AdvancedHuntingReader;
import io.egress.data.io.ReadResult;
import io.egress.data.io.ExportScanner;
import io.egress.data.io.ScanResult;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Egress over the JSON lines, as a user runs it: read each table with {@link ExportScanner} (projection
 * and filter pushdown from the compiled query, every core), then execute the seed query (compiled once, in {@link #prepare()}). Reading and executing are timed
 * as separate phases, so the query alone can be compared with DuckDB over native tables.
 */
public final class EgressEngine implements QueryEngine {
    /** The corrected seed query shipped with the benchmark. */
    public static final String QUERY_RESOURCE = "/io/egress/bench/t1048_003.kql";

    private final Dataset data;
    private final String query;
    private Compilation compilation;
    private Phase compile;

    public EgressEngine(Dataset data, String query) {
        this.data = data;
        this.query = query;
    }

    /** The seed query text from the bench resources. */
    public static String seedQuery() throws IOException {
        try (InputStream in = EgressEngine.class.getResourceAsStream(QUERY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + QUERY_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String name() {
        return "egress-json";
    }

    @Override
    public String covers() {
        return "ExportScanner over the JSON lines (only the columns and rows the query reads, all cores) + query";
    }

    @Override
    public void prepare() {
        long start = System.nanoTime();
        compilation = new KqlEngine().compile(query, Catalog.defender());
        compile = new Phase("compile the query", System.nanoTime() - start);
        if (compilation.hasErrors()) {
            throw new IllegalStateException("the seed query does not compile: " + compilation.diagnostics());
        }
    }

    @Override
    public Optional<Phase> preparation() {
        return Optional.ofNullable(compile);
    }

    /**
     * Reads the tables the query reads as {@code egress query} does: {@link ExportScanner} on every core,
     * decoding only {@link Compilation#referencedColumns()} and keeping only the rows that pass
     * {@link Compilation#prefilter} (the where clauses on each scan).
     */
    public Map<String, Table> readTables() throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        for (Map.Entry<String, Path> file : data.files().entrySet()) {
            String name = file.getKey();
            if (!compilation.referencedTables().contains(name)) {
                continue;
            }
            Schema schema = DefenderSchemas.schema(name).orElseThrow();
            java.util.Optional<io.egress.kql.engine.RowPrefilter> prefilter = compilation.prefilter(name)
                    .filter(p -> p.schema().equals(schema));
            Supplier<Predicate<Object[]>> filter = prefilter
                    .<Supplier<Predicate<Object[]>>>map(p -> () -> p.newTest(data.config().now()))
                    .orElse(null);
            ScanResult read = ExportScanner.scan(file.getValue(), schema, compilation.referencedColumns().get(name),
                    prefilter.map(io.egress.kql.engine.RowPrefilter::columnsRead).orElse(null), filter, threads);
            if (read.problemCount() > 0) {
                throw new IllegalStateException(read.problemCount() + " problems reading " + file.getValue()
                        + ", first: " + read.problems().get(0));
            }
            tables.put(name, read.table());
        }
        return tables;
    }

    /** Reads every table whole, as Egress did before projection and filter pushdown (for comparison). */
    public Map<String, Table> readTablesWhole() throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : data.files().entrySet()) {
            Schema schema = DefenderSchemas.schema(file.getKey()).orElseThrow();
            ReadResult read = AdvancedHuntingReader.read(file.getValue(), schema);
            if (!read.problems().isEmpty()) {
                throw new IllegalStateException(read.problems().size() + " problems reading " + file.getValue()
                        + ", first: " + read.problems().get(0));
            }
            tables.put(file.getKey(), read.table());
        }
        return tables;
    }

    /** Executes the compiled query over tables already in memory. */
    public Table execute(Map<String, Table> tables) {
        return compilation.execute(tables, data.config().now());
    }

    @Override
    public RunResult run() throws IOException {
        long start = System.nanoTime();
        Map<String, Table> tables = readTables();
        long read = System.nanoTime();
        Table result = execute(tables);
        long done = System.nanoTime();
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("read", read - start);
        phases.put("query", done - read);
        return new RunResult(keys(result), phases);
    }

    /** The comparison keys of a result table. */
    public static List<String> keys(Table result) {
        Schema schema = result.schema();
        int[] columns = new int[ResultKeys.COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = schema.indexOf(ResultKeys.COLUMNS.get(i));
        }
        List<String> keys = new ArrayList<>(result.rowCount());
        Object[] values = new Object[columns.length];
        for (Object[] row : result.rows()) {
            for (int i = 0; i < columns.length; i++) {
                values[i] = columns[i] < 0 ? null : row[columns[i]];
            }
            keys.add(ResultKeys.key(values));
        }
        return keys;
    }

    @Override
    public void close() {
        compilation = null;
    }
}
