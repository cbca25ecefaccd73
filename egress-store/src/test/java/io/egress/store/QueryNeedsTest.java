package io.egress.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.store.query.QueryNeeds;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryNeedsTest {
    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final String P = "DeviceProcessEvents";

    static Compilation compile(String query) {
        Compilation c = new KqlEngine().compile(query, Catalog.defender());
        assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
        return c;
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                Arguments.of("DeviceProcessEvents | where Timestamp > ago(24h)", Duration.ofHours(24)),
                Arguments.of("DeviceProcessEvents | where Timestamp >= ago(1.5d) | project FileName", Duration.ofHours(36)),
                Arguments.of("DeviceProcessEvents | where Timestamp > ago(30min) and FileName has \"x\"", Duration.ofMinutes(30)),
                Arguments.of("DeviceProcessEvents | where Timestamp > ago(1h) and (FileName == \"a\" or FileName == \"b\")",
                        Duration.ofHours(1)),
                Arguments.of("let a = DeviceProcessEvents | where Timestamp > ago(1h);\n"
                        + "let b = DeviceProcessEvents | where Timestamp > ago(2h);\nunion a, b", Duration.ofHours(2)),
                // no bound: an 'or' at the top of the clause, a mention without the filter, a filter later on
                Arguments.of("DeviceProcessEvents | where Timestamp > ago(1h) or FileName == \"x\"", null),
                Arguments.of("let a = DeviceProcessEvents | where Timestamp > ago(1h);\nunion a, DeviceProcessEvents", null),
                Arguments.of("DeviceProcessEvents | where FileName == \"x\" | where Timestamp > ago(1h)", null),
                Arguments.of("DeviceProcessEvents | where Timestamp > ago(1h) + 1h", null),
                Arguments.of("DeviceProcessEvents | where Timestamp < ago(1h)", null),
                Arguments.of("table(\"DeviceProcessEvents\") | where Timestamp > ago(1h)", null));
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void timeBound(String query, Duration window) {
        Optional<Instant> after = QueryNeeds.plan(compile(query), NOW).table(P).orElseThrow().after();
        if (window == null) {
            assertThat(after).isEmpty();
        } else {
            assertThat(after).contains(NOW.minus(window).minusSeconds(1));
        }
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("DeviceProcessEvents | where FileName has \"curl\" | project DeviceName",
                        new String[] {"FileName", "DeviceName"}, new String[] {"ProcessCommandLine", "AccountName"}),
                // the result carries every column: all are needed
                Arguments.of("DeviceProcessEvents | where FileName has \"curl\"",
                        new String[] {"FileName", "DeviceName", "ProcessCommandLine", "AccountName"}, new String[0]),
                Arguments.of("DeviceProcessEvents | summarize count() by DeviceName",
                        new String[] {"DeviceName"}, new String[] {"FileName"}),
                Arguments.of("DeviceProcessEvents | project-away FileName | take 1",
                        new String[] {"DeviceName", "AccountName"}, new String[0]));
    }

    @ParameterizedTest
    @MethodSource("columns")
    void columnsIncludeEveryNamedAndResultColumn(String query, String[] needed, String[] notNeeded) {
        var read = QueryNeeds.plan(compile(query), NOW).table(P).orElseThrow();
        assertThat(read.columns()).isPresent();
        assertThat(read.columns().get()).contains(needed);
        for (String name : notNeeded) {
            assertThat(read.columns().get()).doesNotContain(name);
        }
    }

    @ParameterizedTest
    @MethodSource("wholeRow")
    void wholeRowOperatorsNeedEveryColumn(String query) {
        var columns = QueryNeeds.plan(compile(query), NOW).table(P).orElseThrow().columns();
        columns.ifPresent(c -> assertThat(c).contains("DeviceName", "FileName", "ProcessCommandLine",
                "AccountName", "SHA1", "InitiatingProcessFileName"));
    }

    static Stream<String> wholeRow() {
        return Stream.of("DeviceProcessEvents | where * has \"curl\" | count",
                "DeviceProcessEvents | summarize arg_max(Timestamp, *) by DeviceId",
                "DeviceProcessEvents | distinct * | count");
    }

    @ParameterizedTest
    @MethodSource("tables")
    void onlyReferencedTablesAreRead(String query, boolean process, boolean network) {
        var plan = QueryNeeds.plan(compile(query), NOW);
        assertThat(plan.table(P).isPresent()).isEqualTo(process);
        assertThat(plan.table("DeviceNetworkEvents").isPresent()).isEqualTo(network);
    }

    static Stream<Arguments> tables() {
        return Stream.of(Arguments.of("DeviceProcessEvents | count", true, false),
                Arguments.of("union DeviceProcessEvents, DeviceNetworkEvents | count", true, true),
                Arguments.of("print 1", false, false));
    }
}
