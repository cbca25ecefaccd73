package io.egress.kql.engine.functions.ip;

import static io.egress.data.ScalarType.BOOL;
import static io.egress.data.ScalarType.DYNAMIC;
import static io.egress.data.ScalarType.LONG;
import static io.egress.data.ScalarType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.kql.engine.functions.support.Fn;
import io.egress.kql.engine.functions.support.MapRegistry;
import io.egress.kql.engine.functions.support.Values;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** IPv4/IPv6 functions. An address that does not parse gives null (as Kusto's docs say for these functions). */
public final class IpFunctions {
    private static final java.util.regex.Pattern IPV6_TEXT = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private static final Ipv4[] PRIVATE = {Ipv4.parse("10.0.0.0/8"), Ipv4.parse("172.16.0.0/12"), Ipv4.parse("192.168.0.0/16")};

    private IpFunctions() {
    }

    public static void register(MapRegistry.Builder b) {
        b.add(Fn.simple("ipv4_is_private", BOOL, 1, 1, a -> {
            Ipv4 ip = Ipv4.parse(Values.str(a[0]));
            if (ip == null) {
                return null;
            }
            for (Ipv4 range : PRIVATE) {
                // docs: a CIDR input is private only when its whole range is inside a private range
                if (ip.prefix() >= range.prefix() && range.contains(ip.network())) {
                    return true;
                }
            }
            return false;
        }, "ipv4_is_private(string) -> bool"));
        b.add(Fn.simple("ipv4_is_in_range", BOOL, 2, 2, a -> {
            Ipv4 ip = Ipv4.parse(Values.str(a[0]));
            Ipv4 range = Ipv4.parse(Values.str(a[1]));
            return ip == null || range == null ? null : range.contains(ip.address());
        }, "ipv4_is_in_range(string ip, string range) -> bool"));
        b.add(Fn.simple("ipv4_is_in_any_range", BOOL, 2, 128, a -> {
            Ipv4 ip = Ipv4.parse(Values.str(a[0]));
            if (ip == null) {
                return null;
            }
            for (String r : ranges(a)) {
                Ipv4 range = Ipv4.parse(r);
                if (range != null && range.contains(ip.address())) {
                    return true;
                }
            }
            return false;
        }, "ipv4_is_in_any_range(string ip, string range, ...) -> bool", "ipv4_is_in_any_range(string ip, dynamic ranges) -> bool"));
        b.add(Fn.simple("ipv4_compare", LONG, 2, 3, a -> {
            long[] v = masked(a);
            return v == null ? null : (long) Long.compare(v[0], v[1]);
        }, "ipv4_compare(string, string [, long prefix]) -> long"));
        b.add(Fn.simple("ipv4_is_match", BOOL, 2, 3, a -> {
            long[] v = masked(a);
            return v == null ? null : v[0] == v[1];
        }, "ipv4_is_match(string, string [, long prefix]) -> bool"));
        b.add(Fn.simple("parse_ipv4", LONG, 1, 1, a -> {
            Ipv4 ip = Ipv4.parse(Values.str(a[0]));
            return ip == null ? null : ip.network();
        }, "parse_ipv4(string) -> long"));
        b.add(Fn.simple("parse_ipv4_mask", LONG, 2, 2, a -> {
            Ipv4 ip = Ipv4.parse(Values.str(a[0]));
            Long prefix = Values.toLong(a[1]);
            if (ip == null || prefix == null || prefix < 0 || prefix > 32) {
                return null;
            }
            return ip.address() & Ipv4.mask(Math.min(prefix.intValue(), ip.prefix()));
        }, "parse_ipv4_mask(string, long prefix) -> long"));
        b.add(Fn.simple("format_ipv4", STRING, 1, 2, a -> {
            Long v = a[0] instanceof String s ? (Ipv4.parse(s) == null ? null : Ipv4.parse(s).network()) : Values.toLong(a[0]);
            if (v == null || v < 0 || v > 0xFFFFFFFFL) {
                return "";
            }
            long prefix = a.length > 1 && a[1] != null ? Values.toLong(a[1]) : 32;
            return Ipv4.format(v & Ipv4.mask((int) Math.max(0, Math.min(32, prefix))));
        }, "format_ipv4(string|long [, long prefix]) -> string"));
        b.add(Fn.simple("ipv6_compare", LONG, 2, 3, a -> {
            BigInteger[] v = masked6(a);
            return v == null ? null : (long) v[0].compareTo(v[1]);
        }, "ipv6_compare(string, string [, long prefix]) -> long"));
        b.add(Fn.simple("ipv6_is_match", BOOL, 2, 3, a -> {
            BigInteger[] v = masked6(a);
            return v == null ? null : v[0].equals(v[1]);
        }, "ipv6_is_match(string, string [, long prefix]) -> bool"));
        // No geolocation database ships with Egress: the bag has the documented keys with empty values.
        b.add(Fn.simple("geo_info_from_ip_address", DYNAMIC, 1, 1, a -> {
            ObjectNode out = Values.NODES.objectNode();
            out.put("country", "");
            out.put("state", "");
            out.put("city", "");
            out.putNull("latitude");
            out.putNull("longitude");
            return out;
        }, "geo_info_from_ip_address(string) -> dynamic (no geo database: empty fields)"));
    }

    private static List<String> ranges(Object[] a) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < a.length; i++) {
            JsonNode n = a[i] instanceof JsonNode j ? j : null;
            if (n != null && n.isArray()) {
                n.forEach(e -> out.add(Values.str(e)));
            } else {
                out.add(Values.str(a[i]));
            }
        }
        return out;
    }

    private static long[] masked(Object[] a) {
        Ipv4 x = Ipv4.parse(Values.str(a[0]));
        Ipv4 y = Ipv4.parse(Values.str(a[1]));
        if (x == null || y == null) {
            return null;
        }
        int prefix = Math.min(x.prefix(), y.prefix());
        if (a.length > 2 && a[2] != null) {
            Long p = Values.toLong(a[2]);
            if (p == null || p < 0 || p > 32) {
                return null;
            }
            prefix = Math.min(prefix, p.intValue());
        }
        long m = Ipv4.mask(prefix);
        return new long[] {x.address() & m, y.address() & m};
    }

    /** IPv6 (or IPv4 mapped into ::ffff:0:0/96) as a 128-bit value with its prefix. */
    private static BigInteger[] parse6(String text) {
        String t = text.trim();
        int prefix = 128;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return null;
            }
            t = t.substring(0, slash);
        }
        Ipv4 v4 = Ipv4.parse(t);
        if (v4 != null) {
            return new BigInteger[] {BigInteger.valueOf(0xFFFFL).shiftLeft(32).or(BigInteger.valueOf(v4.address())),
                    BigInteger.valueOf(slash >= 0 ? prefix + 96L : 128)};
        }
        if (!t.contains(":") || !IPV6_TEXT.matcher(t).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(t).getAddress();
            if (bytes.length == 4) {
                return new BigInteger[] {BigInteger.valueOf(0xFFFFL).shiftLeft(32).or(new BigInteger(1, bytes)), BigInteger.valueOf(prefix)};
            }
            return new BigInteger[] {new BigInteger(1, bytes), BigInteger.valueOf(prefix)};
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static BigInteger[] masked6(Object[] a) {
        BigInteger[] x = parse6(Values.str(a[0]));
        BigInteger[] y = parse6(Values.str(a[1]));
        if (x == null || y == null) {
            return null;
        }
        int prefix = Math.min(x[1].intValue(), y[1].intValue());
        if (a.length > 2 && a[2] != null) {
            Long p = Values.toLong(a[2]);
            if (p == null) {
                return null;
            }
            prefix = Math.min(prefix, p.intValue());
        }
        prefix = Math.max(0, Math.min(128, prefix));
        BigInteger mask = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE));
        return new BigInteger[] {x[0].and(mask), y[0].and(mask)};
    }
}
