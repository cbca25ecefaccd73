package io.egress.bench.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.bench.gen.Dataset;
import io.egress.bench.gen.DatasetCache;
import io.egress.bench.gen.DefenderRowGenerator;
import io.egress.bench.gen.GeneratorConfig;
import io.egress.bench.gen.RowKind;
import io.egress.data.DefenderSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL twin of the seed, over generated data read by DuckDB: it returns exactly the exfiltration
 * rows inside the window (so the generator labels rows right and the SQL keeps Kusto's semantics).
 */
class SeedQuerySqlTest {
    @TempDir
    Path dir;

    /** "Timestamp|DeviceName" of every exfiltration row in the window, with its command line. */
    private static Map<String, String> expectedKeys(GeneratorConfig config) {
        DefenderRowGenerator generator = new DefenderRowGenerator(config);
        java.time.Instant since = config.now().minus(java.time.Duration.ofHours(24));
        Map<String, String> keys = new HashMap<>();
        int device = generator.processSchema().indexOf("DeviceName");
        int cmd = generator.processSchema().indexOf("ProcessCommandLine");
        generator.processEvents((row, kind) -> {
            if (kind == RowKind.EXFIL && ((java.time.Instant) row[0]).isAfter(since)) {
                keys.put(java.time.LocalDateTime.ofInstant((java.time.Instant) row[0], java.time.ZoneOffset.UTC) + "|" + row[device],
                        (String) row[cmd]);
            }
        });
        int netDevice = generator.networkSchema().indexOf("DeviceName");
        int netCmd = generator.networkSchema().indexOf("InitiatingProcessCommandLine");
        generator.networkEvents((row, kind) -> {
            if (kind == RowKind.EXFIL && ((java.time.Instant) row[0]).isAfter(since)) {
                keys.put(java.time.LocalDateTime.ofInstant((java.time.Instant) row[0], java.time.ZoneOffset.UTC) + "|" + row[netDevice],
                        "network: " + row[netCmd]);
            }
        });
        return keys;
    }

    @Test
    void findsExactlyTheExfiltrationRowsInTheWindow() throws Exception {
        GeneratorConfig config = GeneratorConfig.of(10_000, 42).withShares(0.05, 0.2).withFleet(40, 30, 300);
        Dataset data = DatasetCache.ensure(dir, config);
        String process = DuckDbSources.readJson(data.files().get(DefenderRowGenerator.PROCESS_TABLE),
                DefenderSchemas.defenderOnly(DefenderRowGenerator.PROCESS_TABLE));
        String network = DuckDbSources.readJson(data.files().get(DefenderRowGenerator.NETWORK_TABLE),
                DefenderSchemas.defenderOnly(DefenderRowGenerator.NETWORK_TABLE));
        Map<String, String> expected = expectedKeys(config);
        Map<String, Integer> methods = new HashMap<>();
        java.util.Set<String> found = new java.util.HashSet<>();
        long rows = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery(SeedQuerySql.sql(process, network, config.now()))) {
            java.sql.Timestamp previous = null;
            while (rs.next()) {
                rows++;
                methods.merge(rs.getString("ExfilMethod"), 1, Integer::sum);
                java.sql.Timestamp t = rs.getTimestamp("Timestamp");
                found.add(t.toLocalDateTime() + "|" + rs.getString("DeviceName"));
                if (previous != null) {
                    assertThat(t).isBeforeOrEqualTo(previous);
                }
                previous = t;
            }
        }
        assertThat(data.rowsInWindow().get(DefenderRowGenerator.PROCESS_TABLE).get(RowKind.EXFIL)).isPositive();
        Map<String, String> missed = new HashMap<>(expected);
        missed.keySet().removeAll(found);
        java.util.Set<String> extra = new java.util.HashSet<>(found);
        extra.removeAll(expected.keySet());
        assertThat(missed).as("exfiltration rows the SQL missed").isEmpty();
        assertThat(extra).as("rows the SQL returned that are not exfiltration").isEmpty();
        assertThat(rows).isEqualTo(data.expectedDetections());
        assertThat(methods).containsKeys("FTP", "HTTP_Upload", "DNS_Tunnel", "SMTP", "HTTP", "Email_Protocol", "TFTP");
        // The window cuts some rows: ~6 of the 30 generated hours are older than ago(24h).
        assertThat(data.rowsInWindow().get(DefenderRowGenerator.PROCESS_TABLE).get(RowKind.BENIGN))
                .isLessThan(data.rows().get(DefenderRowGenerator.PROCESS_TABLE).get(RowKind.BENIGN) * 9 / 10);
    }
}
