package io.egress.telemetry.read;

import io.egress.telemetry.event.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses one auditd line: {@code [node=N ]type=T msg=audit(1604996384.965:93777): k=v k="v" ...}, the
 * auoms form {@code type=AUOMS_EXECVE audit(...): ...}, and ENRICHED lines whose interpreted fields
 * follow a {@code 0x1d} byte. Values auditd hex-encodes (EXECVE arguments, PROCTITLE, PATH names, CWD,
 * comm/exe, USER_CMD cmd) are decoded when they appear unquoted.
 */
public final class AuditdLineParser {
    private static final Pattern EXECVE_ARG = Pattern.compile("a\\d+");

    private AuditdLineParser() {
    }

    /** Whether the text contains an auditd record (possibly after a syslog prefix). */
    public static int recordStart(String line) {
        int type = line.indexOf("type=");
        while (type >= 0) {
            int audit = line.indexOf("audit(", type);
            if (audit > type && audit - type < 64) {
                int start = type;
                int node = line.lastIndexOf("node=", type);
                if (node >= 0 && type - node < 128 && line.substring(node, type).indexOf(' ') == line.substring(node, type).length() - 1) {
                    start = node;
                }
                return start;
            }
            type = line.indexOf("type=", type + 5);
        }
        return -1;
    }

    public static AuditdRecord parse(String line, SourceLocation location) throws RecordException {
        int at = 0;
        String node = "";
        String text = line.strip();
        if (text.startsWith("node=")) {
            int space = text.indexOf(' ');
            if (space < 0) {
                throw new RecordException("auditd line has node= but nothing after it");
            }
            node = text.substring(5, space);
            at = space + 1;
        }
        if (!text.startsWith("type=", at)) {
            throw new RecordException("auditd line does not start with type=");
        }
        int typeEnd = text.indexOf(' ', at);
        if (typeEnd < 0) {
            throw new RecordException("auditd line has no msg=audit(...)");
        }
        String type = text.substring(at + 5, typeEnd);
        int open = text.indexOf("audit(", typeEnd);
        if (open < 0 || open - typeEnd > 6) {
            throw new RecordException("auditd line has no msg=audit(...)");
        }
        int close = text.indexOf(')', open);
        if (close < 0) {
            throw new RecordException("unterminated audit(...) stamp");
        }
        String stamp = text.substring(open + 6, close);
        int colon = stamp.indexOf(':');
        if (colon < 0) {
            throw new RecordException("audit stamp '" + WindowsEvents.abbreviate(stamp) + "' has no :serial");
        }
        Instant time = EventTimes.epoch(stamp.substring(0, colon));
        long serial;
        try {
            serial = Long.parseLong(stamp.substring(colon + 1));
        } catch (NumberFormatException e) {
            serial = -1;
        }
        if (time == null || serial < 0) {
            throw new RecordException("bad audit stamp '" + WindowsEvents.abbreviate(stamp) + "'");
        }
        int body = close + 1;
        if (body < text.length() && text.charAt(body) == ':') {
            body++;
        }
        String rest = text.substring(body);
        String enrichedText = "";
        int separator = rest.indexOf('\u001d');
        if (separator >= 0) {
            enrichedText = rest.substring(separator + 1);
            rest = rest.substring(0, separator);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        tokenize(rest, type, fields, false);
        Map<String, String> enriched = new LinkedHashMap<>();
        if (!enrichedText.isEmpty()) {
            tokenize(enrichedText, type, enriched, true);
        }
        return new AuditdRecord(type, node, stamp, time, serial, fields, enriched, location);
    }

    /** Splits {@code k=v k="v" k='v'} pairs; an unquoted value runs to the next {@code " name="} or the end. */
    static void tokenize(String s, String type, Map<String, String> out, boolean upper) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).strip();
            int v = eq + 1;
            String value;
            boolean quoted = false;
            if (v < n && (s.charAt(v) == '"' || s.charAt(v) == '\'')) {
                char quote = s.charAt(v);
                int end = closingQuote(s, v + 1, quote);
                value = s.substring(v + 1, end);
                quoted = true;
                i = Math.min(n, end + 1);
            } else {
                int end = nextKey(s, v);
                value = s.substring(v, end).strip();
                i = end;
            }
            if (key.isEmpty() || key.indexOf(' ') >= 0) {
                continue;
            }
            if (upper) {
                out.putIfAbsent(key.toUpperCase(java.util.Locale.ROOT), value);
            } else {
                out.put(key, quoted ? value : decodeIfEncoded(type, key, value));
            }
            if (quoted && key.equals("msg") && quote(value)) {
                tokenize(value, type, out, upper);
            }
        }
    }

    private static boolean quote(String value) {
        return value.indexOf('=') > 0;
    }

    /** The closing quote: one followed by the end, or by a space and a {@code name=}. */
    private static int closingQuote(String s, int from, char quote) {
        int candidate = s.indexOf(quote, from);
        int firstCandidate = candidate;
        while (candidate >= 0) {
            int after = candidate + 1;
            if (after >= s.length() || (s.charAt(after) == ' ' && startsKey(s, after + 1))) {
                return candidate;
            }
            candidate = s.indexOf(quote, after);
        }
        return firstCandidate >= 0 ? firstCandidate : s.length();
    }

    private static int nextKey(String s, int from) {
        int space = s.indexOf(' ', from);
        while (space >= 0) {
            if (startsKey(s, space + 1)) {
                return space;
            }
            space = s.indexOf(' ', space + 1);
        }
        return s.length();
    }

    private static boolean startsKey(String s, int at) {
        int i = at;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '=') {
                return i > at;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' && i > at || c == '[' || c == ']')) {
                return false;
            }
            if (i == at && !(Character.isLetter(c) || c == '_')) {
                return false;
            }
            i++;
        }
        return false;
    }

    private static String decodeIfEncoded(String type, String key, String value) {
        boolean encodable = switch (type) {
            case "EXECVE" -> EXECVE_ARG.matcher(key).matches();
            case "PROCTITLE" -> key.equals("proctitle");
            case "PATH" -> key.equals("name");
            case "CWD" -> key.equals("cwd");
            case "SYSCALL" -> key.equals("comm") || key.equals("exe");
            case "USER_CMD" -> key.equals("cmd");
            default -> false;
        };
        if (!encodable || value.equals("(null)") || !isHex(value)) {
            return value;
        }
        byte[] bytes = hex(value);
        if (type.equals("PROCTITLE")) {
            return proctitle(bytes);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** PROCTITLE is argv joined by NUL bytes: shown joined by spaces. */
    static String proctitle(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        byte[] copy = java.util.Arrays.copyOf(bytes, end);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == 0) {
                copy[i] = ' ';
            }
        }
        return new String(copy, StandardCharsets.UTF_8);
    }

    static boolean isHex(String value) {
        if (value.isEmpty() || value.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] hex(String value) {
        byte[] bytes = new byte[value.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ((Character.digit(value.charAt(2 * i), 16) << 4) | Character.digit(value.charAt(2 * i + 1), 16));
        }
        return bytes;
    }
}
