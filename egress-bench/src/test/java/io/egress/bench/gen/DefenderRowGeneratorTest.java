package io.egress.bench.gen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.data.Column;
import io.egress.data.DefenderSchemas;
import io.egress.data.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generator is deterministic, fills every Defender column with the right JSON type and respects its shares. */
class DefenderRowGeneratorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {DefenderRowGenerator.PROCESS_TABLE, DefenderRowGenerator.NETWORK_TABLE})
    void sameSeedSameBytesOtherSeedOtherBytes(String table) throws IOException {
        GeneratorConfig config = GeneratorConfig.of(2_000, 7).withShares(0.05, 0.1);
        String first = jsonLines(config, table);
        assertThat(jsonLines(config, table)).isEqualTo(first);
        assertThat(jsonLines(GeneratorConfig.of(2_000, 8).withShares(0.05, 0.1), table)).isNotEqualTo(first);
        assertThat(first.lines()).hasSize(2_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {DefenderRowGenerator.PROCESS_TABLE, DefenderRowGenerator.NETWORK_TABLE})
    void everyLineHasEveryColumnWithItsJsonType(String table) throws IOException {
        Schema schema = DefenderSchemas.defenderOnly(table);
        String text = jsonLines(GeneratorConfig.of(3_000, 11).withShares(0.05, 0.1), table);
        Set<String> nonEmpty = new HashSet<>();
        for (String line : text.lines().toList()) {
            JsonNode row = MAPPER.readTree(line);
            assertThat(row.size()).isEqualTo(schema.size());
            for (Column column : schema.columns()) {
                JsonNode value = row.get(column.name());
                assertThat(value).as(column.name()).isNotNull();
                if (value.isNull()) {
                    continue;
                }
                switch (column.type()) {
                    case STRING -> assertThat(value.isTextual()).as(column.name()).isTrue();
                    case LONG, INT -> assertThat(value.isIntegralNumber()).as(column.name()).isTrue();
                    case BOOL -> assertThat(value.isBoolean()).as(column.name()).isTrue();
                    case DATETIME -> Instant.parse(value.textValue());
                    default -> throw new AssertionError("unexpected type in " + column);
                }
                if (!value.asText().isEmpty()) {
                    nonEmpty.add(column.name());
                }
            }
        }
        assertThat(nonEmpty).contains("Timestamp", "DeviceId", "DeviceName", "InitiatingProcessFileName",
                "InitiatingProcessCommandLine", "InitiatingProcessSHA256", "ReportId");
        if (table.equals(DefenderRowGenerator.PROCESS_TABLE)) {
            assertThat(nonEmpty).contains("FileName", "ProcessCommandLine", "AccountName", "AccountSid", "SHA256");
        } else {
            assertThat(nonEmpty).contains("RemoteIP", "RemotePort", "RemoteIPType", "RemoteUrl", "LocalIP", "Protocol");
        }
    }

    @Test
    void sharesAndFleetSizesAreRespected() {
        GeneratorConfig config = GeneratorConfig.of(40_000, 3).withShares(0.02, 0.1).withFleet(20, 15, 200);
        DefenderRowGenerator generator = new DefenderRowGenerator(config);
        Map<RowKind, Long> kinds = new EnumMap<>(RowKind.class);
        Set<String> devices = new HashSet<>();
        Set<String> users = new HashSet<>();
        Schema schema = generator.processSchema();
        int device = schema.indexOf("DeviceName");
        int account = schema.indexOf("AccountName");
        generator.processEvents((row, kind) -> {
            kinds.merge(kind, 1L, Long::sum);
            devices.add((String) row[device]);
            users.add((String) row[account]);
        });
        assertThat(kinds.get(RowKind.EXFIL) / 40_000.0).isBetween(0.017, 0.023);
        assertThat(kinds.get(RowKind.NEAR_MISS) / 40_000.0).isBetween(0.09, 0.11);
        assertThat(devices).hasSize(20);
        users.removeAll(Set.of("system", "root"));
        assertThat(users).hasSizeLessThanOrEqualTo(15).hasSizeGreaterThan(5);
        assertThat(generator.fleet().processes()).hasSize(200);
    }

    @Test
    void remoteIpTypeFollowsTheAddress() {
        DefenderRowGenerator generator = new DefenderRowGenerator(GeneratorConfig.of(5_000, 5).withShares(0.1, 0.2));
        Schema schema = generator.networkSchema();
        int ip = schema.indexOf("RemoteIP");
        int type = schema.indexOf("RemoteIPType");
        Set<String> types = new HashSet<>();
        generator.networkEvents((row, kind) -> {
            assertThat(row[type]).isEqualTo(IpAddresses.classify((String) row[ip]));
            types.add((String) row[type]);
        });
        assertThat(types).containsExactlyInAnyOrder("Public", "Private", "Loopback");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "8.8.8.8, Public", "10.1.2.3, Private", "172.20.0.1, Private", "172.32.0.1, Public", "192.168.1.1, Private",
        "127.0.0.1, Loopback", "169.254.1.1, Reserved", "224.0.0.251, Reserved", "255.255.255.255, Broadcast",
        "::1, Loopback", "fe80::1, Reserved", "fd00::1, Private", "::ffff:10.0.0.1, FourToSixMapping",
        "2001:0:4136:e378::1, Teredo", "2603:1030:20e:3::23c, Public"})
    void classifiesAddresses(String address, String expected) {
        assertThat(IpAddresses.classify(address)).isEqualTo(expected);
    }

    private static String jsonLines(GeneratorConfig config, String table) throws IOException {
        DefenderRowGenerator generator = new DefenderRowGenerator(config);
        boolean process = table.equals(DefenderRowGenerator.PROCESS_TABLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonLinesWriter writer = new JsonLinesWriter(out, process ? generator.processSchema() : generator.networkSchema())) {
            DefenderRowGenerator.RowConsumer sink = (row, kind) -> {
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            if (process) {
                generator.processEvents(sink);
            } else {
                generator.networkEvents(sink);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
