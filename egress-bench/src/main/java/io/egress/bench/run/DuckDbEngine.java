package io.egress.bench.run;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.DefenderRowGenerator;
import io.egress.bench.sql.DuckDbSources;
import io.egress.bench.sql.SeedQuerySql;
import io.egress.data.DefenderSchemas;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DuckDB (in process, JDBC) running the seed's SQL twin either straight over the JSON lines
 * ({@code read_json} with explicit columns and types) or over native tables loaded beforehand.
 */
public final class DuckDbEngine implements QueryEngine {
    /** Where DuckDB reads from. */
    public enum Mode { JSON, NATIVE }

    private final Dataset data;
    private final Mode mode;
    private final int threads;
    private Connection connection;
    private String sql;
    private Phase load;

    public DuckDbEngine(Dataset data, Mode mode, int threads) {
        this.data = data;
        this.mode = mode;
        this.threads = threads;
    }

    @Override
    public String name() {
        return mode == Mode.JSON ? "duckdb-json" : "duckdb-native";
    }

    @Override
    public String covers() {
        return mode == Mode.JSON ? "read_json over the JSON lines + query (" + threads + " threads)"
                : "query over native tables loaded beforehand (" + threads + " threads)";
    }

    @Override
    public void prepare() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET TimeZone = 'UTC'");
        }
        String process = source(DefenderRowGenerator.PROCESS_TABLE);
        String network = source(DefenderRowGenerator.NETWORK_TABLE);
        if (mode == Mode.NATIVE) {
            long start = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE " + DefenderRowGenerator.PROCESS_TABLE + " AS SELECT * FROM " + process);
                s.execute("CREATE TABLE " + DefenderRowGenerator.NETWORK_TABLE + " AS SELECT * FROM " + network);
            }
            load = new Phase("load native tables", System.nanoTime() - start);
            process = DefenderRowGenerator.PROCESS_TABLE;
            network = DefenderRowGenerator.NETWORK_TABLE;
        }
        sql = SeedQuerySql.sql(process, network, data.config().now());
    }

    private String source(String table) {
        return DuckDbSources.readJson(data.files().get(table), DefenderSchemas.defenderOnly(table));
    }

    @Override
    public Optional<Phase> preparation() {
        return Optional.ofNullable(load);
    }

    /** The SQL this engine runs. */
    public String sql() {
        return sql;
    }

    @Override
    public RunResult run() throws SQLException {
        long start = System.nanoTime();
        List<String> keys = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int[] columns = new int[ResultKeys.COLUMNS.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = rs.findColumn(ResultKeys.COLUMNS.get(i));
            }
            Object[] values = new Object[columns.length];
            while (rs.next()) {
                for (int i = 0; i < columns.length; i++) {
                    values[i] = rs.getObject(columns[i]);
                }
                keys.add(ResultKeys.key(values));
            }
        }
        return new RunResult(keys, Map.of("query", System.nanoTime() - start));
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
