package io.egress.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import io.egress.data.Table;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End to end: each Atomic fixture, normalized, run through the seed detection (shared/seed/t1048_003.kql
 * with its bare {@code ([...])} lists written as {@code dynamic([...])}) gives the ExfilMethod the seed's
 * "Testing Methodology" expects.
 */
class SeedDetectionTest {
    static String correctedSeed() throws IOException {
        Optional<Path> seed = SharedData.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared seed not present");
        return Files.readString(seed.get()).replaceAll("(?<!dynamic)\\(\\[([^\\]]*)]\\)", "(dynamic([$1]))");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "t1_ftp, FTP=2",
        "t2_http, HTTP_Upload=1",
        "t3_dns, DNS_Tunnel=1", // the nslookup row; the PowerShell line holds the label in a variable, not as NAME.domain
        "t4_smtp, SMTP=1",
        "t5_linux_ftp, FTP=3",
    })
    void seedFindsTheAtomicTest(String fixture, String expected) throws IOException {
        String query = correctedSeed();
        LoadResult loaded = AtomicFixturesTest.load(fixture);
        Compilation compilation = new KqlEngine().compile(query, Catalog.of(TelemetryLoader.schemas()));
        assertThat(compilation.diagnostics()).isEmpty();
        Table result = compilation.execute(loaded.tables(), loaded.latestEventTime().orElseThrow().plus(Duration.ofMinutes(5)));
        int column = result.schema().indexOf("ExfilMethod");
        TreeMap<String, Integer> methods = new TreeMap<>();
        for (Object[] row : result.rows()) {
            methods.merge((String) row[column], 1, Integer::sum);
        }
        assertThat(methods.toString()).isEqualTo("{" + expected + "}");
    }
}
