package io.egress.kql.engine.functions.strings;

import static io.egress.data.ScalarType.BOOL;
import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.GUID;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.REAL;
import static io.egress.data.ScalarType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.egress.kql.engine.functions.BindResult;
import io.egress.kql.engine.functions.ip.Ipv4;
import io.egress.kql.engine.functions.support.Args;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Less common string functions: translate, strrep, tohex, codepoints, has_ipv4, indexof_regex, jaccard_index, ... */
public final class MoreStringFunctions {
    private MoreStringFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        // docs: translate(searchList, replacementList, source); extra search chars map to the last replacement
        b.add(Fn.simple("translate", STRING, 3, 3, a -> {
            String from = Values.str(a[0]);
            String to = Values.str(a[1]);
            StringBuilder out = new StringBuilder();
            for (char c : Values.str(a[2]).toCharArray()) {
                int i = from.indexOf(c);
                if (i < 0) {
                    out.append(c);
                } else if (!to.isEmpty()) {
                    out.append(to.charAt(Math.min(i, to.length() - 1)));
                }
            }
            return out.toString();
        }, "translate(string searchList, string replacementList, string source) -> string"));
        b.add(Fn.simple("strrep", STRING, 2, 3, a -> {
            Long n = Values.toLong(a[1]);
            if (n == null || n <= 0) {
                return "";
            }
            String d = a.length > 2 ? Values.str(a[2]) : "";
            return String.join(d, java.util.Collections.nCopies((int) Math.min(n, 1024), Values.str(a[0])));
        }, "strrep(string, long count [, string delimiter]) -> string"));
        b.add(Fn.typed("tohex", STRING, 1, 2, Fn.params(LONG), a -> {
            String hex = Long.toHexString(Values.toLong(a[0]));
            long width = a.length > 1 ? Values.toLong(a[1]) : 0;
            return hex.length() >= width ? hex : "0".repeat((int) (width - hex.length())) + hex;
        }, "tohex(long [, long minLength]) -> string"));
        b.add(Fn.simple("unicode_codepoints_from_string", DYNAMIC, 1, 1, a -> {
            ArrayNode out = Values.NODES.arrayNode();
            Values.str(a[0]).codePoints().forEach(out::add);
            return out;
        }, "unicode_codepoints_from_string(string) -> dynamic"));
        b.add(Fn.simple("unicode_codepoints_to_string", STRING, 1, 64, a -> {
            StringBuilder out = new StringBuilder();
            for (Object o : a) {
                if (!appendCodePoints(out, o)) {
                    return null;
                }
            }
            return out.toString();
        }, "unicode_codepoints_to_string(long or dynamic, ...) -> string"));
        b.add(Fn.simple("isascii", BOOL, 1, 1, a -> Values.str(a[0]).chars().allMatch(c -> c < 128), "isascii(string) -> bool"));
        b.add(Fn.simple("new_guid", GUID, 0, 0, a -> UUID.randomUUID(), "new_guid() -> guid"));
        b.add(Fn.simple("base64_decode_toarray", DYNAMIC, 1, 1, a -> {
            try {
                ArrayNode out = Values.NODES.arrayNode();
                for (byte x : Base64.getMimeDecoder().decode(Values.str(a[0]).trim())) {
                    out.add(x & 0xFF);
                }
                return out;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }, "base64_decode_toarray(string) -> dynamic"));
        b.add(Fn.simple("make_string", STRING, 1, 64, a -> {
            StringBuilder out = new StringBuilder();
            for (Object o : a) {
                if (!appendCodePoints(out, o)) {
                    return null;
                }
            }
            return out.toString();
        }, "make_string(long or dynamic, ...) -> string"));
        b.add(Fn.simple("dynamic_to_json", STRING, 1, 1, a -> {
            JsonNode n = Values.toDynamic(a[0]);
            if (n == null) {
                return "";
            }
            try {
                // docs: keys are sorted
                Object plain = Values.JSON.treeToValue(n, Object.class);
                return Values.JSON.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writeValueAsString(plain);
            } catch (Exception e) {
                return n.toString();
            }
        }, "dynamic_to_json(dynamic) -> string"));
        b.add(Fn.simple("jaccard_index", REAL, 2, 2, a -> {
            JsonNode x = Values.toDynamic(a[0]);
            JsonNode y = Values.toDynamic(a[1]);
            if (x == null || y == null || !x.isArray() || !y.isArray()) {
                return null;
            }
            Set<String> sx = new HashSet<>();
            Set<String> sy = new HashSet<>();
            x.forEach(e -> sx.add(e.toString()));
            y.forEach(e -> sy.add(e.toString()));
            Set<String> union = new HashSet<>(sx);
            union.addAll(sy);
            if (union.isEmpty()) {
                return null;
            }
            sx.retainAll(sy);
            return (double) sx.size() / union.size();
        }, "jaccard_index(dynamic, dynamic) -> real"));
        b.add(Fn.simple("has_ipv4", BOOL, 2, 2, a -> hasIpv4(Values.str(a[0]), Values.str(a[1]), false),
                "has_ipv4(string source, string ip) -> bool"));
        b.add(Fn.simple("has_ipv4_prefix", BOOL, 2, 2, a -> hasIpv4(Values.str(a[0]), Values.str(a[1]), true),
                "has_ipv4_prefix(string source, string prefix) -> bool"));
        b.add(Fn.simple("has_any_ipv4", BOOL, 2, 64, a -> anyIpv4(a, false),
                "has_any_ipv4(string source, string ip, ...) -> bool", "has_any_ipv4(string source, dynamic ips) -> bool"));
        b.add(Fn.simple("has_any_ipv4_prefix", BOOL, 2, 64, a -> anyIpv4(a, true),
                "has_any_ipv4_prefix(string source, string prefix, ...) -> bool", "has_any_ipv4_prefix(string source, dynamic prefixes) -> bool"));
        b.add(new Fn("indexof_regex", List.of("indexof_regex(string, string regex [, long start]) -> long"), (t, c) -> {
            String err = Fn.arity("indexof_regex", t.size(), 2, 3);
            if (err != null) {
                return BindResult.error(err);
            }
            BindResult<Args.RegexArg> re = Args.regex(c, 1);
            if (re instanceof BindResult.Error) {
                return Args.error(re);
            }
            Args.RegexArg r = Args.value(re);
            return BindResult.bound(Fn.pure(LONG, a -> {
                Pattern p = r.get(a);
                String s = Values.str(a[0]);
                Long start = a.length > 2 ? Values.toLong(a[2]) : Long.valueOf(0);
                if (p == null || start == null || start < 0) {
                    return null;
                }
                if (start > s.length()) {
                    return -1L;
                }
                Matcher m = p.matcher(s.substring(start.intValue()));
                return m.find() ? (long) (m.start() + start) : -1L;
            }));
        }));
    }

    private static boolean anyIpv4(Object[] a, boolean prefix) {
        String source = Values.str(a[0]);
        for (int i = 1; i < a.length; i++) {
            JsonNode n = a[i] instanceof JsonNode j && j.isArray() ? j : null;
            if (n != null) {
                for (JsonNode e : n) {
                    if (hasIpv4(source, Values.str(e), prefix)) {
                        return true;
                    }
                }
            } else if (hasIpv4(source, Values.str(a[i]), prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * docs (has_ipv4): the address must be delimited by non-alphanumeric characters other than a dot; a
     * prefix must end with a dot or be a complete address.
     */
    static Boolean hasIpv4(String source, String ip, boolean prefix) {
        String needle = ip.trim();
        if (prefix ? !validPrefix(needle) : Ipv4.parse(needle) == null || needle.contains("/")) {
            return false;
        }
        for (int at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + 1)) {
            int end = at + needle.length();
            boolean startOk = at == 0 || !ipChar(source.charAt(at - 1));
            boolean endOk = prefix && needle.endsWith(".") ? true : end == source.length() || !ipChar(source.charAt(end));
            if (prefix && needle.endsWith(".") && end < source.length() && !Character.isDigit(source.charAt(end))) {
                endOk = false;
            }
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    /** Appends one code point or an array of them; false when one is missing or invalid (the result is then null). */
    private static boolean appendCodePoints(StringBuilder out, Object o) {
        JsonNode n = Values.toDynamic(o);
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                if (!e.canConvertToInt() || !Character.isValidCodePoint(e.asInt())) {
                    return false;
                }
                out.appendCodePoint(e.asInt());
            }
            return true;
        }
        Integer cp = Values.toInt(o);
        if (cp == null || !Character.isValidCodePoint(cp)) {
            return false;
        }
        out.appendCodePoint(cp);
        return true;
    }

    private static boolean validPrefix(String p) {
        String t = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
        String[] parts = t.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4 || (!p.endsWith(".") && parts.length != 4)) {
            return false;
        }
        for (String s : parts) {
            if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(Character::isDigit) || Integer.parseInt(s) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean ipChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.';
    }
}
