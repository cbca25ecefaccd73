package io.egress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.egress.data.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code egress parse}, {@code explain} and {@code functions}. */
class ParseCommandTest {
    @TempDir
    Path dir;

    @Test
    void theSeedFailsOnItsFirstBareList() {
        Optional<Path> seed = SharedData.resolve("seed/t1048_003.kql");
        assumeTrue(seed.isPresent(), "shared seed absent");
        CliRun r = CliRun.of("parse", seed.get().toString());
        assertThat(r.exitCode()).isNotZero();
        String firstLine = r.out().lines().findFirst().orElse("");
        assertThat(firstLine).startsWith(seed.get() + ":10:");
        assertThat(r.out()).contains("dynamic([");
    }

    @Test
    void okFilesAndBindingErrors() throws IOException {
        Path good = dir.resolve("good.kql");
        Files.writeString(good, "DeviceNetworkEvents | where RemotePort == 21 | project DeviceName, RemoteIP\n");
        Path bad = dir.resolve("bad.kql");
        Files.writeString(bad, "DeviceNetworkEvents\n| project DeviceName, RemoteIp\n");
        CliRun ok = CliRun.of("parse", good.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).isEqualTo(good + ": ok\n");
        CliRun both = CliRun.of("parse", good.toString(), bad.toString());
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.out()).contains(bad + ":2:23: error KQL202").contains("did you mean `RemoteIP`?");
        CliRun syntaxOnly = CliRun.of("parse", "--syntax-only", bad.toString());
        assertThat(syntaxOnly.exitCode()).isZero();
        CliRun missing = CliRun.of("parse", dir.resolve("none.kql").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("cannot read: no such file");
    }

    @Test
    void explainShowsTheThreeStages() {
        CliRun r = CliRun.of("explain", "-q", "DeviceProcessEvents | where FileName == \"a\" | summarize count() by DeviceName");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("== Syntax tree ==").contains("== Bound tree ==").contains("== Plan ==")
                .contains("SummarizeOperator [blocking]").contains("FilterOperator [streaming]")
                .contains("DeviceName:string, count_:long");
    }

    @Test
    void functionsListsScalarsAndAggregates() {
        CliRun r = CliRun.of("functions");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Scalar functions (").contains("Aggregations (").contains("strlen(");
    }
}
