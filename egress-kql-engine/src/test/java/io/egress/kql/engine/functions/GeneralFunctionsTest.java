package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.egress.data.ScalarType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditionals, null tests, conversions, math and hashing. */
class GeneralFunctionsTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Row.of("yes", "iff", true, "yes", "no"),
                Row.of("no", "iif", false, "yes", "no"),
                Row.of(2.0, "iff", false, 1L, 2.0),
                Row.of("FTP", "case", true, "FTP", false, "HTTP", "Unknown"),
                Row.of("HTTP", "case", false, "FTP", true, "HTTP", "Unknown"),
                Row.of("Unknown", "case", false, "FTP", false, "HTTP", "Unknown"),
                Row.of("b", "coalesce", "", "b", "c"),
                Row.of(true, "isempty", ""),
                Row.of(false, "isempty", "a"),
                Row.of(true, "isnotempty", "a"),
                Row.of(true, "isempty", Eval.json("null")),
                Row.of(false, "isnull", ""),
                Row.of(false, "isnull", 1L),
                Row.of(true, "isnotnull", 1L),
                Row.of(false, "not", true),
                Row.of("string", "gettype", "a"),
                Row.of("long", "gettype", 1L),
                Row.of("array", "gettype", Eval.json("[1]")),
                Row.of("dictionary", "gettype", Eval.json("{}")),
                Row.of(null, "ingestion_time"),
                // conversions
                Row.of("1", "tostring", 1L),
                Row.of("2.5", "tostring", 2.5),
                Row.of("abc", "tostring", Eval.json("\"abc\"")),
                Row.of("{\"a\":1}", "tostring", Eval.json("{\"a\":1}")),
                Row.of("2024-01-01T00:00:00Z", "tostring", Eval.dt("2024-01-01")),
                Row.of(123, "toint", "123"),
                Row.of(2, "toint", 2.7),
                Row.of(-2, "toint", -2.7),
                Row.of(null, "toint", "a"),
                Row.of(123L, "tolong", "123"),
                // docs (datetime): ticks count from 0001-01-01; 31241376000000000 is 0100-01-01
                Row.of(635556672000000000L, "tolong", Eval.dt("2015-01-01")),
                Row.of(Eval.dt("0100-01-01"), "todatetime", 31241376000000000L),
                Row.of(864000000000L, "tolong", Eval.ts("1d")),
                Row.of(1.5, "toreal", "1.5"),
                Row.of(1.5, "todouble", "1.5"),
                Row.of(null, "toreal", "1.5d"),
                Row.of(new BigDecimal("1.25"), "todecimal", "1.25"),
                Row.of(true, "tobool", "TRUE"),
                Row.of(false, "toboolean", "false"),
                Row.of(true, "tobool", 1L),
                Row.of(null, "tobool", "yes"),
                Row.of(Eval.dt("2015-12-24"), "todatetime", "2015-12-24"),
                Row.of(null, "todatetime", "not a date"),
                Row.of(Eval.ts("1.00:01:00"), "totimespan", "1.00:01:00"),
                Row.of(Eval.ts("1h"), "totimespan", "1h"),
                Row.of(UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"), "toguid", "74be27de-1e4e-49d9-b579-fe0b331d3642"),
                Row.of("{\"a\":[1,2]}", "todynamic", "{\"a\":[1,2]}"),
                Row.of("{\"a\":[1,2]}", "parse_json", "{\"a\":[1,2]}"),
                Row.of("\"not json\"", "parse_json", "not json"),
                // math (docs: round)
                Row.of(2.988, "round", 2.98765, 3L),
                Row.of(2.2, "round", 2.15, 1L),
                Row.of(2.0, "round", 2.15),
                Row.of(-100.0, "round", -50.55, -2L),
                Row.of(20.0, "round", 21.5, -1L),
                Row.of(5L, "abs", -5L),
                Row.of(Eval.ts("1h"), "abs", Eval.ts("-1h")),
                Row.of(2.0, "log10", 100.0),
                Row.of(1.0, "log", Math.E),
                Row.of(8.0, "pow", 2L, 3L),
                Row.of(3.0, "sqrt", 9L),
                Row.of(Math.exp(1), "exp", 1L),
                Row.of(1L, "min_of", 5L, 1L, 3L),
                Row.of(5L, "max_of", 5L, 1L, 3L),
                Row.of(3.5, "max_of", 1L, 3.5),
                // docs: hash_xxhash64("World") and with mod 100; datetime input
                Row.of(1846988464401551951L, "hash", "World"),
                Row.of(51L, "hash", "World", 100L),
                Row.of(1846988464401551951L, "hash_xxhash64", "World"),
                Row.of(1380966698541616202L, "hash_xxhash64", Eval.dt("2015-01-01")),
                Row.of("185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969", "hash_sha256", "Hello"),
                Row.of("8b1a9953c4611296a827abf8c47804d7", "hash_md5", "Hello"),
                Row.of("f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0", "hash_sha1", "Hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void function(Row row) {
        row.check();
    }

    @Test
    void randIsInRange() {
        Object r = Eval.call("rand");
        assertThat((Double) r).isBetween(0.0, 1.0);
        assertThat((Double) Eval.call("rand", 10L)).isBetween(0.0, 9.0);
    }

    @Test
    void caseNeedsAnElseAndOneResultType() {
        assertThat(Eval.bind("case", true, "a")).isInstanceOf(BindResult.Error.class);
        assertThat(Eval.bind("iff", true, "a", 1L)).isInstanceOf(BindResult.Error.class);
    }

    @Test
    void nullArgumentsPropagate() {
        List<ScalarType> types = List.of(ScalarType.DATETIME, ScalarType.TIMESPAN);
        assertThat(Eval.callTyped("bin", types, null, Eval.ts("1h"))).isNull();
        assertThat(Eval.callTyped("isnull", List.of(ScalarType.LONG), (Object) null)).isEqualTo(true);
        assertThat(Eval.callTyped("tostring", List.of(ScalarType.LONG), (Object) null)).isEqualTo("");
        assertThat(Eval.callTyped("strlen", List.of(ScalarType.STRING), "")).isEqualTo(0L);
        assertThat(Eval.callTyped("ago", List.of(ScalarType.TIMESPAN), (Object) null)).isNull();
        assertThat(Arrays.asList(Eval.REGISTRY.scalars().stream().filter(f -> f.signatures().isEmpty()).toArray())).isEmpty();
    }
}
