package io.egress.bench.gen;

import java.util.SplittableRandom;

/**
 * Makes IP addresses of a wanted kind and classifies any address the way Defender fills
 * {@code RemoteIPType} / {@code LocalIPType} (Public, Private, Reserved, Loopback, Teredo,
 * FourToSixMapping, Broadcast).
 */
public final class IpAddresses {
    /** First octets of well-known public ranges (cloud providers, CDNs, hosting). */
    private static final int[] PUBLIC_FIRST = {13, 20, 23, 34, 35, 40, 52, 54, 104, 142, 151, 157, 185, 199};
    /** First octets common in hosting used by intruders (still plain public space). */
    private static final int[] HOSTING_FIRST = {5, 45, 46, 77, 89, 91, 94, 146, 176, 193, 195};

    private IpAddresses() {
    }

    public static String publicV4(SplittableRandom r) {
        return PUBLIC_FIRST[r.nextInt(PUBLIC_FIRST.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String hostingV4(SplittableRandom r) {
        return HOSTING_FIRST[r.nextInt(HOSTING_FIRST.length)] + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String privateV4(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 1 -> "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            default -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        };
    }

    public static String publicV6(SplittableRandom r) {
        return String.format("2603:10%02x:%x:%x::%x", r.nextInt(256), r.nextInt(0x10000), r.nextInt(0x10000), 1 + r.nextInt(0xfff));
    }

    /** Defender's IP type of an address. */
    public static String classify(String ip) {
        if (ip == null || ip.isEmpty()) {
            return "";
        }
        if (ip.indexOf(':') >= 0) {
            return classifyV6(ip.toLowerCase(java.util.Locale.ROOT));
        }
        String[] parts = ip.split("\\.");
        if (parts.length != 4) {
            return "";
        }
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        int c = Integer.parseInt(parts[2]);
        if (ip.equals("255.255.255.255")) {
            return "Broadcast";
        }
        if (a == 127) {
            return "Loopback";
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return "Private";
        }
        boolean reserved = a == 0 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113);
        return reserved ? "Reserved" : "Public";
    }

    private static String classifyV6(String ip) {
        if (ip.equals("::1")) {
            return "Loopback";
        }
        if (ip.startsWith("::ffff:")) {
            return "FourToSixMapping";
        }
        if (ip.startsWith("2001:0:") || ip.startsWith("2001:0000:")) {
            return "Teredo";
        }
        if (ip.startsWith("fc") || ip.startsWith("fd")) {
            return "Private";
        }
        if (ip.startsWith("fe8") || ip.startsWith("fe9") || ip.startsWith("fea") || ip.startsWith("feb")
                || ip.startsWith("ff") || ip.startsWith("::")) {
            return "Reserved";
        }
        return "Public";
    }
}
