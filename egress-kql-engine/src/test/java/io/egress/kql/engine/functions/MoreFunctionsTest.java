package io.egress.kql.engine.functions;

import static io.egress.kql.engine.functions.Eval.dt;
import static io.egress.kql.engine.functions.Eval.json;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Less common functions that appear in the field corpus. */
class MoreFunctionsTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                // docs: translate
                Row.of("xxx", "translate", "abc", "x", "abc"),
                Row.of("", "translate", "abc", "", "ab"),
                Row.of("kusto", "translate", "krasp", "otsku", "spark"),
                // docs: has_ipv4
                Row.of(true, "has_ipv4", "05:04:54 127.0.0.1 GET /favicon.ico 404", "127.0.0.1"),
                Row.of(false, "has_ipv4", "05:04:54 127.0.0.256 GET /favicon.ico 404", "127.0.0.256"),
                Row.of(false, "has_ipv4", "05:04:54127.0.0.1 GET /favicon.ico 404", "127.0.0.1"),
                Row.of(true, "has_ipv4_prefix", "05:04:54 127.0.0.1 GET /favicon.ico 404", "127.0."),
                Row.of(false, "has_ipv4_prefix", "05:04:54 127.0.0.1 GET /favicon.ico 404", "127.0"),
                Row.of(true, "has_any_ipv4", "from 10.1.1.115 and 10.1.1.201", json("[\"1.1.1.1\", \"10.1.1.201\"]")),
                Row.of(false, "has_any_ipv4", "from 10.1.1.115", "10.1.1.11", "1.1.1.1"),
                Row.of(true, "has_any_ipv4_prefix", "from 10.1.1.115", "192.168.", "10.1."),
                Row.of("a,a,a", "strrep", "a", 3L, ","),
                Row.of("ff", "tohex", 255L),
                Row.of("00ff", "tohex", 255L, 4L),
                Row.of("[75,117]", "unicode_codepoints_from_string", "Ku"),
                Row.of("Ku", "unicode_codepoints_to_string", 75L, 117L),
                Row.of("Ku", "make_string", json("[75,117]")),
                Row.of(true, "isascii", "abc"),
                Row.of(false, "isascii", "é"),
                Row.of("[75,117]", "base64_decode_toarray", "S3U="),
                Row.of("{\"a\":2,\"b\":1}", "dynamic_to_json", json("{\"b\":1,\"a\":2}")),
                Row.of(0.5, "jaccard_index", json("[1,2]"), json("[2]")),
                Row.of(3L, "indexof_regex", "abcde", "d.", 0L),
                Row.of(4L, "binary_and", 6L, 12L),
                Row.of(14L, "binary_or", 6L, 12L),
                Row.of(10L, "binary_xor", 6L, 12L),
                Row.of(48L, "binary_shift_left", 12L, 2L),
                Row.of(3L, "binary_shift_right", 12L, 2L),
                Row.of(2L, "bitset_count_ones", 12L),
                Row.of(0.0, "sin", 0L),
                Row.of(true, "isnan", Double.NaN),
                Row.of(dt("2024-01-01T01:00:00Z"), "datetime_utc_to_local", dt("2024-01-01T00:00:00Z"), "Europe/Paris"),
                Row.of(dt("2024-01-01T00:00:00Z"), "datetime_local_to_utc", dt("2024-01-01T01:00:00Z"), "Europe/Paris"),
                Row.of("{\"a\":1}", "parsejson", "{\"a\":1}"),
                Row.of("S3VzdG8=", "base64_encodestring", "Kusto"),
                Row.of("[\"1\"]", "extractall", "(\\d)", "a1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void function(Row row) {
        row.check();
    }
}
