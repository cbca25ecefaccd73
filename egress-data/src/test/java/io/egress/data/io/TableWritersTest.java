package io.egress.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.egress.data.Schema;
import io.egress.data.Table;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table, jsonl and csv writers. */
class TableWritersTest {
    private static final Table T = Table.of(Schema.parse("When:datetime, Took:timespan, Bag:dynamic, N:long, S:string"),
            List.<Object[]>of(new Object[] {Instant.parse("2024-05-01T10:00:00Z"), Duration.ofMinutes(90),
                    JsonNodeFactory.instance.objectNode().put("k", "v"), null, "a|b"}));

    private static String write(String format, int width) throws IOException {
        StringBuilder sb = new StringBuilder();
        TableWriter.forFormat(format, width).orElseThrow().write(T, sb);
        return sb.toString();
    }

    @Test
    void jsonLinesKeepColumnOrderAndKustoText() throws IOException {
        assertThat(write("jsonl", 0)).isEqualTo(
                "{\"When\":\"2024-05-01T10:00:00Z\",\"Took\":\"01:30:00\",\"Bag\":{\"k\":\"v\"},\"N\":null,\"S\":\"a|b\"}\n");
    }

    @Test
    void csvQuotesOnlyWhenNeeded() throws IOException {
        assertThat(write("csv", 0)).isEqualTo("When,Took,Bag,N,S\r\n2024-05-01T10:00:00Z,01:30:00,\"{\"\"k\"\":\"\"v\"\"}\",,a|b\r\n");
    }

    @Test
    void tableTruncatesLongCellsToFitTheWidth() throws IOException {
        String wide = write("table", 0);
        assertThat(wide.lines().findFirst().orElseThrow()).isEqualTo("When                  Took      Bag        N  S");
        String narrow = write("table", 40);
        assertThat(narrow.lines().allMatch(l -> l.length() <= 40)).isTrue();
        assertThat(narrow).contains("…");
    }

    @Test
    void unknownFormat() {
        assertThat(TableWriter.forFormat("xml", 80)).isEmpty();
    }
}
