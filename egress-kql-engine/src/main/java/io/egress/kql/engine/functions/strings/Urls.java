package io.egress.kql.engine.functions.strings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.kql.engine.functions.support.Values;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** url_encode / url_decode (.NET HttpUtility rules, as Kusto's docs examples show) and parse_url. */
public final class Urls {
    private static final Pattern URL = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*)://(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\\[[^\\]]*\\]|[^:/?#]*)(?::(\\d*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?",
            Pattern.DOTALL);

    private Urls() {
    }

    /** Docs: url_encode("https://www.bing.com/") == "https%3a%2f%2fwww.bing.com%2f". */
    public static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '!' || c == '*' || c == '(' || c == ')') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return out.toString();
    }

    /** Percent-decoding as UTF-8; {@code +} is a space; malformed escapes stay as they are. */
    public static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** The docs' parse_url bag: Scheme, Host, Port, Path, Username, Password, Query Parameters, Fragment. */
    public static ObjectNode parseUrl(String s) {
        ObjectNode out = Values.NODES.objectNode();
        Matcher m = URL.matcher(s.trim());
        boolean ok = m.matches();
        out.put("Scheme", ok ? nz(m.group(1)) : "");
        out.put("Host", ok ? nz(m.group(4)) : "");
        out.put("Port", ok ? nz(m.group(5)) : "");
        out.put("Path", ok ? nz(m.group(6)) : "");
        out.put("Username", ok ? nz(m.group(2)) : "");
        out.put("Password", ok ? nz(m.group(3)) : "");
        ObjectNode query = out.putObject("Query Parameters");
        if (ok && m.group(7) != null && !m.group(7).isEmpty()) {
            for (String pair : m.group(7).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(decode(k), decode(v));
            }
        }
        out.put("Fragment", ok ? nz(m.group(8)) : "");
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
