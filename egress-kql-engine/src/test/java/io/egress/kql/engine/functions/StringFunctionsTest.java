package io.egress.kql.engine.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** String functions; rows marked "docs" are Microsoft's documented examples. */
class StringFunctionsTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Row.of("abc", "tolower", "AbC"),
                Row.of("ABC", "toupper", "aBc"),
                Row.of(3L, "strlen", "abc"),
                Row.of(0L, "strlen", ""),
                Row.of(5L, "string_size", "héllo".substring(0, 4)),
                Row.of("a1true", "strcat", "a", 1L, true),
                Row.of("a-b-c", "strcat_delim", "-", "a", "b", "c"),
                // docs: substring
                Row.of("23456", "substring", "123456", 1L),
                Row.of("34", "substring", "123456", 2L, 2L),
                Row.of("AB", "substring", "ABCD", 0L, 2L),
                Row.of("56", "substring", "123456", -2L, 2L),
                Row.of("", "substring", "123", 10L),
                // docs: split
                Row.of("[\"aa\",\"bb\"]", "split", "aa_bb", "_"),
                Row.of("[\"bbb\"]", "split", "aaa_bbb_ccc", "_", 1L),
                Row.of("[\"\"]", "split", "", "_"),
                Row.of("[\"a\",\"\",\"b\"]", "split", "a__b", "_"),
                Row.of("[\"aa\",\"cc\"]", "split", "aabbcc", "bb"),
                Row.of("[]", "split", "a_b", "_", 5L),
                Row.of("A-b-A", "replace_string", "a-b-a", "a", "A"),
                // docs: replace_regex with a \1 group reference
                Row.of("Number was: 4", "replace_regex", "Number is 4", "is (\\d+)", "was: \\1"),
                Row.of("a$b", "replace_regex", "a.b", "\\.", "$"),
                Row.of("Number was: 4", "replace", "is (\\d+)", "was: \\1", "Number is 4"),
                // docs: trim
                Row.of("https://bing.com", "trim", "--", "--https://bing.com--"),
                Row.of("Te st1", "trim", "[^\\w]+", "-  Te st1// $"),
                Row.of("Hello, world!", "trim", "\\s+", "    Hello, world!    "),
                Row.of("https://bing.com--", "trim_start", "--", "--https://bing.com--"),
                Row.of("--https://bing.com", "trim_end", "--", "--https://bing.com--"),
                // extract (docs: extract("x=([0-9.]+)", 1, "hello x=45.6|wo") == "45.6")
                Row.of("45.6", "extract", "x=([0-9.]+)", 1L, "hello x=45.6|wo"),
                Row.of("x=45.6", "extract", "x=([0-9.]+)", 0L, "hello x=45.6|wo"),
                Row.of("", "extract", "y=([0-9.]+)", 1L, "hello x=45.6|wo"),
                Row.constant(45.6, "extract", "x=([0-9.]+)", 1L, "hello x=45.6|wo", "typeof(real)"),
                Row.of("[\"a1\",\"b2\"]", "extract_all", "([a-z]\\d)", "a1 b2"),
                Row.of("[[\"a\",\"1\"],[\"b\",\"2\"]]", "extract_all", "([a-z])(\\d)", "a1 b2"),
                Row.of("[\"1\",\"2\"]", "extract_all", "([a-z])(\\d)", Eval.json("[2]"), "a1 b2"),
                // docs: indexof
                Row.of(2L, "indexof", "abcdefg", "cde"),
                Row.of(2L, "indexof", "abcdefg", "cde", 1L, 4L),
                Row.of(-1L, "indexof", "abcdefg", "cde", 1L, 2L),
                Row.of(-1L, "indexof", "abcdefg", "cde", 3L, 4L),
                Row.of(2L, "indexof", "abcdefg", "cde", -5L),
                Row.of(4L, "indexof", 1234567L, 5L, 1L, 4L),
                Row.of(2L, "indexof", "abcdefg", "cde", 2L, -1L),
                Row.of(9L, "indexof", "abcdefgabcdefg", "cde", 1L, 10L, 2L),
                Row.of(-1L, "indexof", "abcdefgabcdefg", "cde", 1L, -1L, 3L),
                // docs: countof
                Row.of(3L, "countof", "aaa", "a"),
                Row.of(3L, "countof", "aaaa", "aa"),
                Row.of(2L, "countof", "ababa", "ab", "normal"),
                Row.of(2L, "countof", "ababa", "aba"),
                Row.of(1L, "countof", "ababa", "aba", "regex"),
                Row.of(2L, "countof", "abcabc", "a.c", "regex"),
                Row.of("cba", "reverse", "abc"),
                Row.of(-1L, "strcmp", "abc", "abd"),
                Row.of(0L, "strcmp", "abc", "abc"),
                Row.of(1L, "strcmp", "b", "a"),
                // docs: base64
                Row.of("S3VzdG8=", "base64_encode_tostring", "Kusto"),
                Row.of("Kusto", "base64_decode_tostring", "S3VzdG8="),
                Row.of("", "base64_decode_tostring", "***"),
                // docs: url_encode / url_decode
                Row.of("https%3a%2f%2fwww.bing.com%2f", "url_encode", "https://www.bing.com/"),
                Row.of("https://www.bing.com/", "url_decode", "https%3a%2f%2fwww.bing.com%2f"),
                Row.of("a b", "url_decode", "a+b"),
                // docs: parse_url
                Row.of("{\"Scheme\":\"scheme\",\"Host\":\"host\",\"Port\":\"1234\",\"Path\":\"/this/is/a/path\",\"Username\":\"username\","
                        + "\"Password\":\"password\",\"Query Parameters\":{\"k1\":\"v1\",\"k2\":\"v2\"},\"Fragment\":\"fragment\"}",
                        "parse_url", "scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment"),
                // docs: parse_path
                Row.of("{\"Scheme\":\"\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:\\\\temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\","
                        + "\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}", "parse_path", "C:\\temp\\file.txt"),
                Row.of("{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\","
                        + "\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}", "parse_path", "temp\\file.txt"),
                Row.of("{\"Scheme\":\"file\",\"RootPath\":\"C:\",\"DirectoryPath\":\"C:/temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\","
                        + "\"Extension\":\"txt\",\"AlternateDataStreamName\":\"some.exe\"}", "parse_path", "file://C:/temp/file.txt:some.exe"),
                Row.of("{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"\\\\\\\\shared\\\\users\\\\temp\",\"DirectoryName\":\"temp\","
                        + "\"Filename\":\"file.txt.gz\",\"Extension\":\"gz\",\"AlternateDataStreamName\":\"\"}", "parse_path", "\\\\shared\\users\\temp\\file.txt.gz"),
                Row.of("{\"Scheme\":\"\",\"RootPath\":\"\",\"DirectoryPath\":\"/usr/lib/temp\",\"DirectoryName\":\"temp\",\"Filename\":\"file.txt\","
                        + "\"Extension\":\"txt\",\"AlternateDataStreamName\":\"\"}", "parse_path", "/usr/lib/temp/file.txt"),
                // docs: parse_command_line, plus CommandLineToArgvW backslash rules
                Row.of("[\"echo\",\"hello world!\"]", "parse_command_line", "echo \"hello world!\"", "windows"),
                Row.of("[\"C:\\\\Program Files\\\\curl.exe\",\"-T\",\"a b\",\"x\\\"y\",\"c:\\\\dir\\\\\"]", "parse_command_line",
                        "\"C:\\Program Files\\curl.exe\" -T \"a b\" x\\\"y \"c:\\dir\\\\\"", "windows"),
                Row.of(1L, "has_any_index", "this is an example", Eval.json("[\"what\", \"is\"]")),
                Row.of(-1L, "has_any_index", "this is an example", Eval.json("[\"xyz\"]")),
                Row.of("b", "extractjson", "$.a[1]", "{\"a\":[\"x\",\"b\"]}"),
                Row.of("2", "extractjson", "$.a.b", "{\"a\":{\"b\":2}}"),
                Row.of("", "extractjson", "$.z", "{\"a\":1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void function(Row row) {
        row.check();
    }

    @Test
    void invalidRegexIsABindError() {
        var r = Eval.bind("extract", "(", 1L, "x");
        assertThat(r).isInstanceOf(BindResult.Error.class);
        assertThat(((BindResult.Error<BoundScalar>) r).message()).startsWith("invalid regular expression");
        assertThat(Eval.bind("strlen", "a", "b")).isInstanceOf(BindResult.Error.class);
    }
}
