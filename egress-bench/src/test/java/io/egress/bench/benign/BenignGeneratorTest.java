package io.egress.bench.benign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.data.Schema;
import io.egress.data.Table;
import io.egress.telemetry.LoadOptions;
import io.egress.telemetry.LoadResult;
import io.egress.telemetry.TelemetryLoader;
import io.egress.telemetry.normalize.IpClassifier;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benign corpus is deterministic, loads through egress's own reader, and has its populations in their shares. */
class BenignGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BenignConfig CONFIG = BenignConfig.of(30_000, 5, 200);

    @TempDir
    static Path dir;
    private static FpMain.Generated generated;
    private static LoadResult load;

    @BeforeAll
    static void generate() throws IOException {
        generated = FpMain.generate(CONFIG, dir.resolve("a"));
        load = new TelemetryLoader().load(List.of(dir.resolve("a")), LoadOptions.defaults());
    }

    @Test
    void sameParametersSameBytesOtherSeedOtherBytes() throws IOException {
        assertThat(FpMain.generate(CONFIG, dir.resolve("b")).sha256()).isEqualTo(generated.sha256());
        assertThat(FpMain.generate(BenignConfig.of(30_000, 6, 200), dir.resolve("c")).sha256()).isNotEqualTo(generated.sha256());
    }

    @Test
    void pinnedDigestOfASmallCorpus() throws IOException {
        // Bump BenignConfig.VERSION and update this digest whenever the generator's output changes on purpose.
        assertThat(FpMain.generate(BenignConfig.of(2_000, 1, 60), dir.resolve("pinned")).sha256())
                .isEqualTo("7444280617584667885995ebfb9f3cfce9561b9d365e930a1083c2e171a86c9b");
    }

    @Test
    void everyRowLoadsThroughTheTelemetryLoaderIntoItsTable() {
        assertThat(load.totalMalformed()).isZero();
        assertThat(load.totalRecords()).isEqualTo(CONFIG.events());
        assertThat(generated.counts().events()).isEqualTo(CONFIG.events());
        generated.counts().perTable().forEach((table, n) -> assertThat(load.rows(table)).as(table).isEqualTo(n).isPositive());
    }

    @Test
    void timestampsLieInTheCorpusSpanAndRemoteIpTypeIsDefenders() {
        for (String name : Emitter.TABLES) {
            Table t = load.tables().get(name);
            int ts = t.schema().indexOf("Timestamp");
            for (Object[] row : t.rows()) {
                Instant time = (Instant) row[ts];
                assertThat(time).isAfter(CONFIG.start()).isBeforeOrEqualTo(CONFIG.end().plusSeconds(120));
            }
        }
        Table net = load.tables().get(Emitter.NETWORK);
        int ip = net.schema().indexOf("RemoteIP");
        int type = net.schema().indexOf("RemoteIPType");
        Set<String> types = new java.util.TreeSet<>();
        for (Object[] row : net.rows()) {
            assertThat(row[type]).isEqualTo(IpClassifier.classify((String) row[ip]));
            types.add((String) row[type]);
        }
        assertThat(types).contains("Public", "Private", "Loopback", "Reserved");
    }

    @Test
    void deviceEventsCarryDnsAndPowerShellAdditionalFieldsAsDefenderWritesThem() throws IOException {
        Table events = load.tables().get(Emitter.EVENTS);
        int action = events.schema().indexOf("ActionType");
        int fields = events.schema().indexOf("AdditionalFields");
        int dns = 0;
        int ps = 0;
        for (Object[] row : events.rows()) {
            JsonNode f = JSON.readTree(String.valueOf(row[fields]));
            if ("DnsQueryResponse".equals(row[action])) {
                assertThat(f.path("DnsQueryString").asText()).contains(".");
                assertThat(f.path("DnsQueryResult").isArray()).isTrue();
                dns++;
            } else {
                assertThat(row[action]).isEqualTo("PowerShellCommand");
                assertThat(f.path("Command").asText()).matches("[A-Z][a-z]+-[A-Za-z]+");
                ps++;
            }
        }
        assertThat(dns).isGreaterThan(1000);
        assertThat(ps).isGreaterThan(50);
    }

    @Test
    void populationsHaveTheirSharesAndEveryPlatformActs() {
        Map<Population, Long> per = generated.counts().perPopulation();
        assertThat(per.keySet()).isEqualTo(EnumSet.allOf(Population.class));
        double sum = 0;
        for (Population p : Population.values()) {
            assertThat((double) per.get(p) / CONFIG.events()).as(p.name()).isCloseTo(p.share(), within(0.01));
            sum += p.share();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        Table proc = load.tables().get(Emitter.PROCESS);
        int device = proc.schema().indexOf("DeviceName");
        Set<String> prefixes = new java.util.TreeSet<>();
        for (Object[] row : proc.rows()) {
            prefixes.add(((String) row[device]).replaceAll("[-0-9]*\\..*", ""));
        }
        assertThat(prefixes).contains("ws-ofc", "ws-dev", "mac-dev", "lnx-dev", "build-lnx", "build-win", "srv-lnx", "srv-win", "SCAN",
                "it-ops", "srv-rpt", "bkp");
    }

    /** The seed's five false-positive categories are in the corpus, as the bundled tuning describes them. */
    @Test
    void theSeedsFalsePositiveCategoriesArePresent() {
        assertThat(processRows(cmd -> cmd.contains("WinSCP.com") && cmd.contains("ftp://deploy@ftp01.corp.example.com"))).isPositive();
        assertThat(processRows(cmd -> cmd.contains("filezilla.exe") && cmd.contains("ftp02.corp.example.com"))).isPositive();
        assertThat(processRows(cmd -> cmd.matches("curl.* (-T|--upload-file) .*http://nexus\\.corp\\.example\\.com:8081/.*"))).isPositive();
        assertThat(processRows(cmd -> cmd.startsWith("curl -X POST http://"))).isPositive();
        assertThat(processRows(cmd -> cmd.startsWith("blat.exe") && cmd.contains("-server mailrelay01.corp.example.com"))).isPositive();
        assertThat(processRows(cmd -> cmd.startsWith("python3 -m http.server 8000 --bind 127.0.0.1"))).isPositive();
        assertThat(networkRows(r -> r[0].equals("zabbix_agentd.exe") && r[1].startsWith("203.0.113."))).isPositive();
        assertThat(networkRows(r -> r[0].equals("nessusd.exe") && r[1].startsWith(Infra.EXTERNAL_PREFIX) && r[3].equals("svc_nessus")))
                .isPositive();
        assertThat(networkRows(r -> r[1].equals("198.51.100.25") && r[2].equals("25"))).isPositive();
        assertThat(networkRows(r -> r[0].equals("restic") && r[2].equals("8000"))).isPositive();
    }

    private static long processRows(Predicate<String> commandLine) {
        Table t = load.tables().get(Emitter.PROCESS);
        int c = t.schema().indexOf("ProcessCommandLine");
        return t.rows().stream().filter(row -> commandLine.test((String) row[c])).count();
    }

    /** Network rows as {process, remote ip, remote port, account}. */
    private static long networkRows(Predicate<String[]> test) {
        Table t = load.tables().get(Emitter.NETWORK);
        Schema s = t.schema();
        int[] cols = {s.indexOf("InitiatingProcessFileName"), s.indexOf("RemoteIP"), s.indexOf("RemotePort"),
            s.indexOf("InitiatingProcessAccountName")};
        List<String[]> rows = new ArrayList<>();
        for (Object[] row : t.rows()) {
            rows.add(new String[] {String.valueOf(row[cols[0]]), String.valueOf(row[cols[1]]), String.valueOf(row[cols[2]]),
                String.valueOf(row[cols[3]])});
        }
        return rows.stream().filter(test).count();
    }
}
