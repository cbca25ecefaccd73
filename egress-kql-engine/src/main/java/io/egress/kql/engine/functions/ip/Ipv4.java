package io.egress.kql.engine.functions.ip;

/** IPv4 text ↔ 32-bit values, with an optional {@code /prefix}. */
public record Ipv4(long address, int prefix) {
    /** Parses {@code a.b.c.d} or {@code a.b.c.d/n}; null when invalid. */
    public static Ipv4 parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int prefix = 32;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > 32) {
                return null;
            }
            t = t.substring(0, slash).trim();
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return null;
            }
            v = (v << 8) | octet;
        }
        return new Ipv4(v, prefix);
    }

    public static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long network() {
        return address & mask(prefix);
    }

    public boolean contains(long other) {
        return (other & mask(prefix)) == network();
    }

    public static String format(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
