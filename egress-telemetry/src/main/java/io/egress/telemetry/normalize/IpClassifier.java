package io.egress.telemetry.normalize;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Classifies an IP address the way Defender's {@code RemoteIPType} / {@code LocalIPType} columns do:
 * {@code Public, Private, Reserved, Loopback, Teredo, FourToSixMapping, Broadcast}. The table below is the
 * whole rule set (first match wins); choices Defender does not document are explained in docs/mapping.md.
 */
public final class IpClassifier {
    private record Range(byte[] prefix, int bits, String type) {
    }

    private static final List<Range> V4 = List.of(
            range("255.255.255.255", 32, "Broadcast"),
            range("127.0.0.0", 8, "Loopback"),
            range("10.0.0.0", 8, "Private"),
            range("172.16.0.0", 12, "Private"),
            range("192.168.0.0", 16, "Private"),
            range("169.254.0.0", 16, "Private"),     // link-local: not routable, on the local segment
            range("100.64.0.0", 10, "Private"),      // RFC 6598 shared (carrier-grade NAT) space
            range("0.0.0.0", 8, "Reserved"),
            range("192.0.0.0", 24, "Reserved"),
            range("192.0.2.0", 24, "Reserved"),      // documentation (TEST-NET-1..3)
            range("198.51.100.0", 24, "Reserved"),
            range("203.0.113.0", 24, "Reserved"),
            range("198.18.0.0", 15, "Reserved"),     // benchmarking
            range("224.0.0.0", 4, "Reserved"),       // multicast
            range("240.0.0.0", 4, "Reserved"));      // future use
    private static final List<Range> V6 = List.of(
            range("::1", 128, "Loopback"),
            range("::", 128, "Reserved"),
            range("::ffff:0:0", 96, "FourToSixMapping"),
            range("2001::", 32, "Teredo"),
            range("2001:db8::", 32, "Reserved"),     // documentation
            range("fe80::", 10, "Private"),          // link-local
            range("fc00::", 7, "Private"),           // unique local
            range("ff00::", 8, "Reserved"),          // multicast
            range("64:ff9b::", 96, "Reserved"),      // NAT64 well-known prefix
            range("100::", 64, "Reserved"));         // discard-only

    private IpClassifier() {
    }

    /** The Defender IP type of {@code ip}, or the empty string when it is not an IP literal. */
    public static String classify(String ip) {
        byte[] address = parse(ip);
        if (address == null) {
            return "";
        }
        for (Range range : address.length == 4 ? V4 : V6) {
            if (matches(address, range)) {
                return range.type();
            }
        }
        return "Public";
    }

    private static boolean matches(byte[] address, Range range) {
        int full = range.bits() / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != range.prefix()[i]) {
                return false;
            }
        }
        int rest = range.bits() % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (range.prefix()[full] & mask);
    }

    private static Range range(String prefix, int bits, String type) {
        return new Range(parse(prefix), bits, type);
    }

    /** Parses an IPv4 or IPv6 literal without any name lookup; null when the text is not one. */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int percent = s.indexOf('%');
        if (percent > 0) {
            s = s.substring(0, percent); // zone id, fe80::1%eth0
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return v4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
        }
        try {
            byte[] bytes = InetAddress.getByName(s).getAddress(); // a literal: no lookup happens
            if (bytes.length == 4) {
                // Java folds ::ffff:a.b.c.d to IPv4; keep it as the mapped IPv6 form
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3) {
                return null;
            }
            for (int j = 0; j < part.length(); j++) {
                if (!Character.isDigit(part.charAt(j))) {
                    return null;
                }
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }
}
