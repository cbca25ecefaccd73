package io.egress.kql.engine.functions;

import static io.egress.kql.engine.functions.Eval.json;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynamic array/bag functions and IP functions. */
class DynamicAndIpFunctionsTest {
    static Stream<Arguments> dynamicRows() {
        return Stream.of(
                Row.of(3L, "array_length", json("[1,2,3]")),
                Row.of(null, "array_length", json("{\"a\":1}")),
                Row.of("{\"a\":1,\"b\":\"x\"}", "bag_pack", "a", 1L, "b", "x"),
                Row.of("{\"a\":1}", "pack", "a", 1L),
                Row.of("[1,\"x\",true]", "pack_array", 1L, "x", true),
                Row.of("[\"a\",\"b\"]", "bag_keys", json("{\"a\":1,\"b\":2}")),
                // docs: the leftmost bag wins for a repeated key
                Row.of("{\"a\":1,\"b\":2,\"c\":3}", "bag_merge", json("{\"a\":1,\"b\":2}"), json("{\"b\":9,\"c\":3}")),
                Row.of(true, "bag_has_key", json("{\"a\":1}"), "a"),
                Row.of("{\"b\":2}", "bag_remove_keys", json("{\"a\":1,\"b\":2}"), json("[\"a\"]")),
                Row.of(true, "set_has_element", json("[\"a\",\"b\"]"), "b"),
                Row.of(false, "set_has_element", json("[\"a\",\"b\"]"), "c"),
                Row.of(true, "set_has_element", json("[1,2]"), 2L),
                Row.of(1L, "array_index_of", json("[\"a\",\"b\"]"), "b"),
                Row.of(-1L, "array_index_of", json("[\"a\",\"b\"]"), "z"),
                Row.of("[1,2,3]", "array_concat", json("[1]"), json("[2,3]")),
                // docs: array_slice end is inclusive, negatives count from the end
                Row.of("[2,3,4]", "array_slice", json("[1,2,3,4,5]"), 1L, 3L),
                Row.of("[4,5]", "array_slice", json("[1,2,3,4,5]"), -2L, -1L),
                Row.of("[3,2,1]", "array_reverse", json("[1,2,3]")),
                Row.of("[1,2,3,null]", "array_sort_asc", json("[3,null,1,2]")),
                Row.of("[3,2,1,null]", "array_sort_desc", json("[3,null,1,2]")),
                Row.of("[null,\"a\",\"b\"]", "array_sort_asc", json("[\"b\",null,\"a\"]"), false),
                Row.of("[1,2,3,4]", "set_union", json("[1,2,2]"), json("[3,1,4]")),
                Row.of("[1,3]", "set_intersect", json("[1,2,3]"), json("[3,1,4]")),
                Row.of("[2]", "set_difference", json("[1,2,3]"), json("[3,1,4]")),
                Row.of("[[1,\"a\"],[2,null]]", "zip", json("[1,2]"), json("[\"a\"]")),
                Row.of(6.0, "array_sum", json("[1,2,3]")),
                Row.of("a;b", "strcat_array", json("[\"a\",\"b\"]"), ";"),
                // docs (parse_xml): attributes as @name, text as #text, repeated elements as arrays
                Row.of("{\"root\":{\"a\":{\"@id\":\"1\",\"#text\":\"x\"},\"b\":[\"y\",\"z\",\"w\"]}}", "parse_xml",
                        "<root><a id=\"1\">x</a><b>y</b><b>z</b><b>w</b></root>"),
                Row.of(null, "parse_xml", "<not xml"),
                Row.of(null, "parse_xml", "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dynamicRows")
    void dynamicFunction(Row row) {
        row.check();
    }

    static Stream<Arguments> ipRows() {
        return Stream.of(
                // docs: ipv4_is_private
                Row.of(true, "ipv4_is_private", "10.1.2.3"),
                Row.of(true, "ipv4_is_private", "192.168.1.1/24"),
                Row.of(false, "ipv4_is_private", "192.168.1.1/8"),
                Row.of(true, "ipv4_is_private", "172.16.0.5"),
                Row.of(false, "ipv4_is_private", "172.32.0.5"),
                Row.of(false, "ipv4_is_private", "8.8.8.8"),
                Row.of(null, "ipv4_is_private", "not an ip"),
                // docs: ipv4_is_in_range
                Row.of(true, "ipv4_is_in_range", "192.168.1.6", "192.168.1.1/24"),
                Row.of(false, "ipv4_is_in_range", "192.168.1.6", "192.168.1.1/30"),
                Row.of(true, "ipv4_is_in_range", "192.168.1.1", "192.168.1.1"),
                Row.of(true, "ipv4_is_in_any_range", "192.168.1.6", "10.0.0.0/8", "192.168.1.0/24"),
                Row.of(true, "ipv4_is_in_any_range", "192.168.1.6", json("[\"10.0.0.0/8\", \"192.168.1.0/24\"]")),
                Row.of(false, "ipv4_is_in_any_range", "1.1.1.1", json("[\"10.0.0.0/8\"]")),
                // docs: ipv4_compare / ipv4_is_match
                Row.of(-1L, "ipv4_compare", "192.168.1.1", "192.168.1.255"),
                Row.of(0L, "ipv4_compare", "192.168.1.1/24", "192.168.1.255/24"),
                Row.of(0L, "ipv4_compare", "192.168.1.1", "192.168.1.255", 24L),
                Row.of(true, "ipv4_is_match", "192.168.1.1/24", "192.168.1.255"),
                Row.of(false, "ipv4_is_match", "192.168.1.1", "192.168.1.255"),
                // docs: parse_ipv4("127.0.0.1") == 2130706433
                Row.of(2130706433L, "parse_ipv4", "127.0.0.1"),
                Row.of(3232235776L, "parse_ipv4", "192.168.1.20/24"),
                Row.of(null, "parse_ipv4", "256.1.1.1"),
                Row.of(3232235776L, "parse_ipv4_mask", "192.168.1.20", 24L),
                Row.of("192.168.1.0", "format_ipv4", "192.168.1.20", 24L),
                Row.of("127.0.0.1", "format_ipv4", 2130706433L),
                Row.of(true, "ipv6_is_match", "::ffff:7f00:1", "127.0.0.1"),
                Row.of(true, "ipv6_is_match", "fe80::85d:e82c:9446:7994", "fe80::85d:e82c:9446:7995", 127L),
                Row.of(false, "ipv6_is_match", "fe80::85d:e82c:9446:7994", "fe80::85d:e82c:9446:7995"),
                Row.of("{\"country\":\"\",\"state\":\"\",\"city\":\"\",\"latitude\":null,\"longitude\":null}",
                        "geo_info_from_ip_address", "20.53.203.50"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipRows")
    void ipFunction(Row row) {
        row.check();
    }
}
