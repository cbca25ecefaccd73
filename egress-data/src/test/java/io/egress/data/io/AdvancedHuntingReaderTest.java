package io.egress.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.DefenderSchemas;
import io.egress.data.ScalarType;
import io.egress.data.Schema;
import io.egress.data.Table;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Format detection, conversions to column types, schema inference and problem reporting. */
class AdvancedHuntingReaderTest {
    private static final Schema NETWORK = DefenderSchemas.schema("DeviceNetworkEvents").orElseThrow();

    @Test
    void detectsTheFormatFromContent() {
        assertThat(AdvancedHuntingReader.read("{\"a\":1}\n{\"a\":2}\n", "x", null).format()).isEqualTo(ExportFormat.JSON_LINES);
        assertThat(AdvancedHuntingReader.read("  [{\"a\":1}]", "x", null).format()).isEqualTo(ExportFormat.JSON_ARRAY);
        assertThat(AdvancedHuntingReader.read("{\"Schema\":[],\"Results\":[]}", "x", null).format())
                .isEqualTo(ExportFormat.API_RESPONSE);
        assertThat(AdvancedHuntingReader.read("a,b\n1,2\n", "x", null).format()).isEqualTo(ExportFormat.CSV);
    }

    @Test
    void convertsValuesToTheExpectedColumnTypes() {
        String jsonl = "{\"Timestamp\":\"2024-01-01 10:00:00\",\"RemotePort\":\"443\",\"RemoteIP\":\"1.2.3.4\","
                + "\"Extra\":\"dropped\"}\n";
        ReadResult r = AdvancedHuntingReader.read(jsonl, "x", NETWORK);
        assertThat(r.problems()).isEmpty();
        Table t = r.table();
        assertThat(t.schema()).isEqualTo(NETWORK);
        Object[] row = t.rows().get(0);
        assertThat(row[NETWORK.indexOf("Timestamp")]).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(row[NETWORK.indexOf("RemotePort")]).isEqualTo(443);
        assertThat(row[NETWORK.indexOf("RemoteUrl")]).isEqualTo("");
        assertThat(row[NETWORK.indexOf("LocalPort")]).isNull();
    }

    @Test
    void dynamicColumnsTakeJsonObjectsAndJsonText() {
        Schema s = Schema.parse("A:dynamic, B:dynamic, C:bool");
        ReadResult r = AdvancedHuntingReader.read("[{\"A\":{\"k\":1},\"B\":\"[1,2]\",\"C\":\"true\"}]", "x", s);
        Object[] row = r.table().rows().get(0);
        assertThat(row[0].toString()).isEqualTo("{\"k\":1}");
        assertThat(row[1].toString()).isEqualTo("[1,2]");
        assertThat(row[2]).isEqualTo(true);
    }

    @Test
    void reportsMalformedRowsAndValuesWithLineNumbers() {
        String text = "{\"RemotePort\":80}\n{broken\n{\"RemotePort\":\"http\"}\n[1]\n";
        ReadResult r = AdvancedHuntingReader.read(text, "f.jsonl", NETWORK);
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.problems()).extracting(ReadProblem::line).containsExactly(2L, 3L, 4L);
        assertThat(r.problems().get(1).reason()).contains("RemotePort").contains("'http' is not a int");
        {
            ReadResult csv = AdvancedHuntingReader.read("RemotePort,RemoteIP\n80,a\n1,2,3\n", "f.csv", NETWORK);
            assertThat(csv.table().rowCount()).isEqualTo(1);
            assertThat(csv.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.reason()).contains("3 cells but the header has 2");
            });
        }
    }

    @Test
    void infersASchemaWhenNoneIsGiven() {
        ReadResult r = AdvancedHuntingReader.read("{\"n\":1,\"s\":\"x\"}\n{\"n\":2.5,\"t\":\"2024-01-01T00:00:00Z\"}\n",
                "x", null);
        Schema s = r.table().schema();
        assertThat(s.toString()).isEqualTo("n:real, s:string, t:datetime");
        assertThat(r.table().rows().get(0)[0]).isEqualTo(1.0);
        assertThat(r.table().rows().get(0)[2]).isNull();
    }

    @Test
    void apiResponseUsesItsOwnSchemaWithoutAnExpectedOne() {
        String api = "{\"Schema\":[{\"Name\":\"When\",\"Type\":\"DateTime\"},{\"Name\":\"N\",\"Type\":\"Int32\"}],"
                + "\"Results\":[{\"When\":\"2024-01-01T00:00:00Z\",\"N\":3}]}";
        ReadResult r = AdvancedHuntingReader.read(api, "x", null);
        assertThat(r.table().schema().column(1).type()).isEqualTo(ScalarType.INT);
        assertThat(r.table().rows().get(0)[1]).isEqualTo(3);
    }
}
