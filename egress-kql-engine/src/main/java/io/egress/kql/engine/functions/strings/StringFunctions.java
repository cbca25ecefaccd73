package io.egress.kql.engine.functions.strings;

import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.egress.data.ScalarType;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.operators.Regexes;
import io.egress.kql.engine.functions.support.Args;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import io.egress.kql.engine.functions.terms.TermMatcher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** String functions: case, length, substring, concatenation, split, replace, trim, extract, search, encodings. */
public final class StringFunctions {
    private StringFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(Fn.simple("tolower", STRING, 1, 1, a -> Values.str(a[0]).toLowerCase(Locale.ROOT), "tolower(string) -> string"));
        b.add(Fn.simple("toupper", STRING, 1, 1, a -> Values.str(a[0]).toUpperCase(Locale.ROOT), "toupper(string) -> string"));
        b.add(Fn.simple("strlen", LONG, 1, 1, a -> {
            String s = Values.str(a[0]);
            return (long) s.codePointCount(0, s.length());
        }, "strlen(string) -> long"));
        b.add(Fn.simple("string_size", LONG, 1, 1, a -> (long) Values.str(a[0]).getBytes(StandardCharsets.UTF_8).length,
                "string_size(string) -> long (UTF-8 bytes)"));
        b.add(Fn.simple("strcat", STRING, 1, 64, a -> {
            StringBuilder sb = new StringBuilder();
            for (Object o : a) {
                sb.append(Values.str(o));
            }
            return sb.toString();
        }, "strcat(scalar, ...) -> string"));
        b.add(Fn.simple("strcat_delim", STRING, 3, 64, a -> {
            StringBuilder sb = new StringBuilder();
            String d = Values.str(a[0]);
            for (int i = 1; i < a.length; i++) {
                if (i > 1) {
                    sb.append(d);
                }
                sb.append(Values.str(a[i]));
            }
            return sb.toString();
        }, "strcat_delim(string delimiter, scalar, scalar, ...) -> string"));
        b.add(Fn.simple("strcat_array", STRING, 2, 2, a -> {
            JsonNode arr = Values.toDynamic(a[0]);
            if (arr == null || !arr.isArray()) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            arr.forEach(e -> parts.add(Values.str(e)));
            return String.join(Values.str(a[1]), parts);
        }, "strcat_array(dynamic array, string delimiter) -> string"));
        b.add(Fn.simple("substring", STRING, 2, 3, StringFunctions::substring, "substring(string, long start [, long length]) -> string"));
        b.add(Fn.simple("split", DYNAMIC, 2, 3, StringFunctions::split, "split(string, string delimiter [, int index]) -> dynamic"));
        b.add(Fn.simple("replace_string", STRING, 3, 3, a -> {
            String lookup = Values.str(a[1]);
            return lookup.isEmpty() ? Values.str(a[0]) : Values.str(a[0]).replace(lookup, Values.str(a[2]));
        }, "replace_string(string text, string lookup, string rewrite) -> string"));
        Fn replaceRegex = new Fn("replace_regex", List.of("replace_regex(string, string regex, string rewrite) -> string"), (t, c) -> {
            String err = Fn.arity("replace_regex", t.size(), 3, 3);
            if (err != null) {
                return BindResult.error(err);
            }
            BindResult<Args.RegexArg> re = Args.regex(c, 1);
            if (re instanceof BindResult.Error) {
                return Args.error(re);
            }
            Args.RegexArg r = Args.value(re);
            return BindResult.bound(Fn.pure(STRING, a -> {
                Pattern p = r.get(a);
                return p == null ? Values.str(a[0]) : replaceRegex(p, Values.str(a[0]), Values.str(a[2]));
            }));
        });
        b.add(replaceRegex);
        b.add(new Fn("replace", List.of("replace(string regex, string rewrite, string text) -> string (deprecated form of replace_regex)"), (t, c) -> {
            String err = Fn.arity("replace", t.size(), 3, 3);
            if (err != null) {
                return BindResult.error(err);
            }
            BindResult<Args.RegexArg> re = Args.regex(c, 0);
            if (re instanceof BindResult.Error) {
                return Args.error(re);
            }
            Args.RegexArg r = Args.value(re);
            return BindResult.bound(Fn.pure(STRING, a -> {
                Pattern p = r.get(a);
                return p == null ? Values.str(a[2]) : replaceRegex(p, Values.str(a[2]), Values.str(a[1]));
            }));
        }));
        b.add(trim("trim", true, true));
        b.add(trim("trim_start", true, false));
        b.add(trim("trim_end", false, true));
        b.add(new Fn("extract", List.of("extract(string regex, long group, string text [, typeof(T)]) -> string or T"), StringFunctions::bindExtract));
        Fn extractAll = new Fn("extract_all", List.of("extract_all(string regex, [dynamic groups,] string text) -> dynamic"),
                StringFunctions::bindExtractAll);
        b.add(extractAll).alias("extractall", extractAll);
        b.add(Fn.typed("indexof", LONG, 2, 5, Fn.params(STRING, STRING, LONG), StringFunctions::indexOf,
                "indexof(string, string lookup [, long start [, long length [, long occurrence]]]) -> long"));
        b.add(new Fn("countof", List.of("countof(string text, string search [, string kind]) -> long"), StringFunctions::bindCountof));
        b.add(Fn.simple("reverse", STRING, 1, 1, a -> new StringBuilder(Values.str(a[0])).reverse().toString(), "reverse(string) -> string"));
        b.add(Fn.simple("strcmp", LONG, 2, 2, a -> (long) Integer.signum(Values.str(a[0]).compareTo(Values.str(a[1]))),
                "strcmp(string, string) -> long"));
        Fn encode = Fn.simple("base64_encode_tostring", STRING, 1, 1,
                a -> Base64.getEncoder().encodeToString(Values.str(a[0]).getBytes(StandardCharsets.UTF_8)),
                "base64_encode_tostring(string) -> string");
        b.add(encode).alias("base64_encodestring", encode);
        Fn decode = Fn.simple("base64_decode_tostring", STRING, 1, 1, a -> base64Decode(Values.str(a[0])),
                "base64_decode_tostring(string) -> string");
        b.add(decode).alias("base64_decodestring", decode);
        b.add(Fn.simple("url_encode", STRING, 1, 1, a -> Urls.encode(Values.str(a[0])), "url_encode(string) -> string"));
        b.add(Fn.simple("url_encode_component", STRING, 1, 1, a -> Urls.encode(Values.str(a[0])), "url_encode_component(string) -> string"));
        b.add(Fn.simple("url_decode", STRING, 1, 1, a -> Urls.decode(Values.str(a[0])), "url_decode(string) -> string"));
        Fn parseUrl = Fn.simple("parse_url", DYNAMIC, 1, 1, a -> Urls.parseUrl(Values.str(a[0])), "parse_url(string) -> dynamic");
        b.add(parseUrl).alias("parseurl", parseUrl);
        b.add(Fn.simple("parse_path", DYNAMIC, 1, 1, a -> Paths.parsePath(Values.str(a[0])), "parse_path(string) -> dynamic"));
        b.add(Fn.simple("parse_command_line", DYNAMIC, 1, 2, a -> Paths.parseCommandLine(Values.str(a[0])),
                "parse_command_line(string, string parser = \"windows\") -> dynamic"));
        b.add(new Fn("has_any_index", List.of("has_any_index(string, dynamic values) -> long"), (t, c) -> {
            String err = Fn.arity("has_any_index", t.size(), 2, 2);
            if (err != null) {
                return BindResult.error(err);
            }
            Object list = Args.constant(c, 1);
            List<TermMatcher> matchers = list == null ? null : termMatchers(list);
            return BindResult.bound(Fn.pure(LONG, a -> {
                List<TermMatcher> ms = matchers != null ? matchers : termMatchers(a[1]);
                String s = Values.text(a[0]);
                for (int i = 0; i < ms.size(); i++) {
                    if (ms.get(i).matchesAny(s)) {
                        return (long) i;
                    }
                }
                return -1L;
            }));
        }));
        Fn extractJson = Fn.simple("extractjson", STRING, 2, 3, a -> JsonPaths.extract(Values.str(a[0]), a[1]),
                "extractjson(string jsonpath, string json [, typeof(T)]) -> string (the type argument is ignored)");
        b.add(extractJson).alias("extract_json", extractJson);
    }

    private static List<TermMatcher> termMatchers(Object list) {
        JsonNode arr = Values.toDynamic(list);
        List<TermMatcher> out = new ArrayList<>();
        if (arr != null && arr.isArray()) {
            arr.forEach(e -> out.add(TermMatcher.compile(List.of(Values.str(e)), false)));
        }
        return out;
    }

    static Object substring(Object[] a) {
        String s = Values.str(a[0]);
        Long start = Values.toLong(a[1]);
        if (start == null) {
            return "";
        }
        int n = s.length();
        long from = start < 0 ? Math.max(0, n + start) : start;
        if (from >= n) {
            return "";
        }
        long len = a.length > 2 && a[2] != null ? Values.toLong(a[2]) : n - from;
        if (len <= 0) {
            return "";
        }
        return s.substring((int) from, (int) Math.min(n, from + len));
    }

    static Object split(Object[] a) {
        String s = Values.str(a[0]);
        String d = Values.str(a[1]);
        List<String> parts = new ArrayList<>();
        if (d.isEmpty()) {
            parts.add(s);
        } else {
            int from = 0;
            int at;
            while ((at = s.indexOf(d, from)) >= 0) {
                parts.add(s.substring(from, at));
                from = at + d.length();
            }
            parts.add(s.substring(from));
        }
        ArrayNode out = Values.NODES.arrayNode();
        if (a.length > 2) {
            Long i = Values.toLong(a[2]);
            if (i == null) {
                return null;
            }
            if (i >= 0 && i < parts.size()) {
                out.add(parts.get(i.intValue())); // docs: with an index, an array holding that one substring
            }
            return out;
        }
        parts.forEach(out::add);
        return out;
    }

    /** Kusto rewrite syntax: {@code \1}..{@code \9} are groups; everything else is literal. */
    static String replaceRegex(Pattern p, String s, String rewrite) {
        StringBuilder repl = new StringBuilder();
        for (int i = 0; i < rewrite.length(); i++) {
            char ch = rewrite.charAt(i);
            if (ch == '\\' && i + 1 < rewrite.length() && Character.isDigit(rewrite.charAt(i + 1))) {
                repl.append('$').append(rewrite.charAt(++i));
            } else if (ch == '$' || ch == '\\') {
                repl.append('\\').append(ch);
            } else {
                repl.append(ch);
            }
        }
        return p.matcher(s).replaceAll(repl.toString());
    }

    private static Fn trim(String name, boolean start, boolean end) {
        return new Fn(name, List.of(name + "(string regex, string text) -> string"), (t, c) -> {
            String err = Fn.arity(name, t.size(), 2, 2);
            if (err != null) {
                return BindResult.error(err);
            }
            Object re = Args.constant(c, 0);
            if (re != null) {
                BindResult<Pattern[]> p = trimPatterns(Values.text(re));
                if (p instanceof BindResult.Error) {
                    return Args.error(p);
                }
                Pattern[] ps = Args.value(p);
                return BindResult.bound(Fn.pure(STRING, a -> trim(ps, Values.str(a[1]), start, end)));
            }
            return BindResult.bound(Fn.pure(STRING, a -> {
                BindResult<Pattern[]> p = trimPatterns(Values.text(a[0]));
                return p instanceof BindResult.Bound<Pattern[]> ok ? trim(ok.implementation(), Values.str(a[1]), start, end) : Values.str(a[1]);
            }));
        });
    }

    private static BindResult<Pattern[]> trimPatterns(String regex) {
        BindResult<Pattern> lead = io.egress.kql.engine.functions.operators.Regexes.compile("^(?:" + regex + ")+");
        BindResult<Pattern> trail = io.egress.kql.engine.functions.operators.Regexes.compile("(?:" + regex + ")+$");
        if (lead instanceof BindResult.Error || trail instanceof BindResult.Error) {
            return BindResult.error(((BindResult.Error<Pattern>) (lead instanceof BindResult.Error ? lead : trail)).message());
        }
        return BindResult.bound(new Pattern[] {Args.value(lead), Args.value(trail)});
    }

    private static String trim(Pattern[] ps, String s, boolean start, boolean end) {
        if (start) {
            Matcher m = ps[0].matcher(s);
            if (m.find() && m.end() > 0) {
                s = s.substring(m.end());
            }
        }
        if (end) {
            Matcher m = ps[1].matcher(s);
            if (m.find() && m.start() < s.length()) {
                s = s.substring(0, m.start());
            }
        }
        return s;
    }

    private static BindResult<io.egress.kql.engine.functions.BoundScalar> bindExtract(List<ScalarType> t, List<Object> c) {
        String err = Fn.arity("extract", t.size(), 3, 4);
        if (err != null) {
            return BindResult.error(err);
        }
        BindResult<Args.RegexArg> re = Args.regex(c, 0);
        if (re instanceof BindResult.Error) {
            return Args.error(re);
        }
        ScalarType result = STRING;
        if (t.size() == 4) {
            var type = Args.typeLiteral(Args.constant(c, 3));
            if (type.isEmpty()) {
                return BindResult.error("extract(): the fourth argument must be a type literal such as typeof(long)");
            }
            result = type.get();
        }
        Args.RegexArg r = Args.value(re);
        io.egress.kql.engine.functions.operators.RegexPrefilter prefilter = r.prefilter();
        ScalarType rt = result;
        return BindResult.bound(Fn.pure(rt, a -> {
            Pattern p = r.get(a);
            Long group = Values.toLong(a[1]);
            String s = Values.text(a[2]);
            String found = "";
            if (p != null && group != null && group >= 0 && group <= p.groupCount() && (prefilter == null || prefilter.mayMatch(s))) {
                Matcher m = p.matcher(s);
                if (m.find()) {
                    String g = m.group(group.intValue());
                    found = g == null ? "" : g;
                }
            }
            if (rt == STRING) {
                return found;
            }
            return found.isEmpty() ? null : Values.coerce(rt, found);
        }));
    }

    private static BindResult<io.egress.kql.engine.functions.BoundScalar> bindExtractAll(List<ScalarType> t, List<Object> c) {
        String err = Fn.arity("extract_all", t.size(), 2, 3);
        if (err != null) {
            return BindResult.error(err);
        }
        BindResult<Args.RegexArg> re = Args.regex(c, 0);
        if (re instanceof BindResult.Error) {
            return Args.error(re);
        }
        Args.RegexArg r = Args.value(re);
        int textIndex = t.size() - 1;
        return BindResult.bound(Fn.pure(DYNAMIC, a -> {
            Pattern p = r.get(a);
            if (p == null) {
                return null;
            }
            List<Integer> groups = new ArrayList<>();
            if (t.size() == 3) {
                JsonNode g = Values.toDynamic(a[1]);
                if (g != null && g.isArray()) {
                    g.forEach(e -> groups.add(e.asInt()));
                }
            } else {
                for (int i = 1; i <= p.groupCount(); i++) {
                    groups.add(i);
                }
            }
            Matcher m = p.matcher(Values.text(a[textIndex]));
            ArrayNode out = Values.NODES.arrayNode();
            while (m.find()) {
                if (groups.isEmpty()) {
                    out.add(m.group());
                } else if (groups.size() == 1) {
                    out.add(nz(m.group(groups.get(0))));
                } else {
                    ArrayNode row = out.addArray();
                    groups.forEach(g -> row.add(g <= p.groupCount() ? nz(m.group(g)) : ""));
                }
                if (m.end() == m.start() && m.end() >= Values.text(a[textIndex]).length()) {
                    break;
                }
            }
            return out.isEmpty() ? null : out;
        }));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static Object indexOf(Object[] a) {
        String s = Values.str(a[0]);
        String lookup = Values.str(a[1]);
        long start = a.length > 2 && a[2] != null ? Values.toLong(a[2]) : 0;
        long length = a.length > 3 && a[3] != null ? Values.toLong(a[3]) : -1;
        long occurrence = a.length > 4 && a[4] != null ? Values.toLong(a[4]) : 1;
        if (start < 0) {
            start = Math.max(0, s.length() + start);
        }
        if (length < -1 || occurrence < 0) {
            return null; // docs: null for length < -1 or occurrence < 0
        }
        if (start > s.length() || occurrence == 0) {
            return -1L;
        }
        // Each occurrence is searched in a window of `length` characters from where the last one
        // started + 1 (this reproduces the docs examples idx2, idx3 and idx8).
        int from = (int) start;
        int at = -1;
        for (long k = 0; k < occurrence; k++) {
            int limit = length < 0 ? s.length() : (int) Math.min(s.length(), from + length);
            at = s.indexOf(lookup, from);
            if (at < 0 || at + lookup.length() > limit) {
                return -1L;
            }
            from = at + 1;
        }
        return (long) at;
    }

    private static BindResult<io.egress.kql.engine.functions.BoundScalar> bindCountof(List<ScalarType> t, List<Object> c) {
        String err = Fn.arity("countof", t.size(), 2, 3);
        if (err != null) {
            return BindResult.error(err);
        }
        Object kind = Args.constant(c, 2);
        if (t.size() == 3 && (kind == null || "regex".equals(Values.str(kind)))) {
            BindResult<Args.RegexArg> re = kind == null ? BindResult.bound(a -> Regexes.cached(Values.text(a[1]))) : Args.regex(c, 1);
            if (re instanceof BindResult.Error) {
                return Args.error(re);
            }
            Args.RegexArg r = Args.value(re);
            return BindResult.bound(Fn.pure(LONG, a -> "regex".equals(Values.str(a[2])) ? countRegex(r.get(a), Values.text(a[0]))
                    : countPlain(Values.text(a[0]), Values.str(a[1]))));
        }
        return BindResult.bound(Fn.pure(LONG, a -> countPlain(Values.text(a[0]), Values.str(a[1]))));
    }

    private static Long countRegex(Pattern p, String s) {
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** "normal" counts overlapping occurrences (docs: countof("aaaa", "aa") == 3). */
    private static long countPlain(String s, String needle) {
        if (needle.isEmpty()) {
            return 0L;
        }
        long n = 0;
        for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    static String base64Decode(String s) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(s.trim());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
