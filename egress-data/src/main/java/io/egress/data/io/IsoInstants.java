package io.egress.data.io;

import java.time.Instant;

/**
 * The fast path for the datetimes of Defender exports: {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read
 * straight from bytes, no string, formatter or date object. Anything else (offsets, spaces, dates alone,
 * out-of-range fields) returns null and the caller falls back to {@link ValueConverter}, so the result
 * is always the one {@link ValueConverter#parseDateTime} gives.
 */
public final class IsoInstants {
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH = 30;
    /** Days from 0000-01-01 to 1970-01-01, as {@link java.time.LocalDate#toEpochDay} counts them. */
    private static final long DAYS_0000_TO_1970 = 146_097L * 5 - (30L * 365 + 7);

    private IsoInstants() {
    }

    /** As {@link #parse(byte[], int, int)} over a string (event readers' timestamp text). */
    public static Instant parse(String s) {
        int len = s.length();
        if (len < MIN_LENGTH || len > MAX_LENGTH) {
            return null;
        }
        byte[] ascii = new byte[len];
        for (int i = 0; i < len; i++) {
            ascii[i] = ascii(s.charAt(i));
        }
        return parse(ascii, 0, len);
    }

    /**
     * As {@link #parse(String)} for the same form with a blank instead of the {@code T} and the {@code Z}
     * left out (Sysmon's {@code UtcTime}, {@code 2020-10-30 00:23:20.533}), both taken as UTC; null for
     * anything else. The caller decides what a missing zone means.
     */
    public static Instant parseZoneless(String s) {
        int len = s.length();
        boolean zoned = len > 0 && (s.charAt(len - 1) == 'Z' || s.charAt(len - 1) == 'z');
        int size = zoned ? len : len + 1;
        if (size < MIN_LENGTH || size > MAX_LENGTH || (s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
            return null;
        }
        byte[] ascii = new byte[size];
        for (int i = 0; i < len; i++) {
            ascii[i] = ascii(s.charAt(i));
        }
        ascii[10] = 'T';
        ascii[size - 1] = 'Z';
        return parse(ascii, 0, size);
    }

    /** As {@link #parse(byte[], int, int)} over characters (Jackson's text buffer). */
    static Instant parse(char[] c, int off, int len) {
        if (len < MIN_LENGTH || len > MAX_LENGTH) {
            return null;
        }
        byte[] ascii = new byte[len];
        for (int i = 0; i < len; i++) {
            ascii[i] = ascii(c[off + i]);
        }
        return parse(ascii, 0, len);
    }

    /** A character as a byte; every non-ASCII one becomes 0, which the form above never accepts. */
    private static byte ascii(char c) {
        return c < 0x80 ? (byte) c : 0;
    }

    /** The instant in {@code b[off, off+len)}, or null when the text is not exactly the UTC form above. */
    static Instant parse(byte[] b, int off, int len) {
        if (!valid(b, off, len)) {
            return null;
        }
        long epochDay = epochDay(digits(b, off, 4), digits(b, off + 5, 2), digits(b, off + 8, 2));
        long seconds = epochDay * 86_400L + digits(b, off + 11, 2) * 3_600L + digits(b, off + 14, 2) * 60L
                + digits(b, off + 17, 2);
        return Instant.ofEpochSecond(seconds, nanos(b, off + 19, off + len - 1));
    }

    /** Whether {@link #parse(byte[], int, int)} gives an instant, without making it. */
    static boolean valid(byte[] b, int off, int len) {
        if (len < MIN_LENGTH || len > MAX_LENGTH) {
            return false;
        }
        int end = off + len;
        if (b[end - 1] != 'Z' && b[end - 1] != 'z') {
            return false;
        }
        if (b[off + 4] != '-' || b[off + 7] != '-' || (b[off + 10] != 'T' && b[off + 10] != 't')
                || b[off + 13] != ':' || b[off + 16] != ':') {
            return false;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        return nanos(b, off + 19, end - 1) >= 0 && month >= 1 && month <= 12 && day >= 1
                && day <= monthLength(year, month);
    }

    /** The optional fraction {@code [from, to)} ('.' and 1 to 9 digits) in nanoseconds; 0 when empty, else -1. */
    private static int nanos(byte[] b, int from, int to) {
        if (from == to) {
            return 0;
        }
        int fractionDigits = to - (from + 1);
        if (b[from] != '.' || fractionDigits < 1 || fractionDigits > 9) {
            return -1;
        }
        int nanos = digits(b, from + 1, fractionDigits);
        if (nanos < 0) {
            return -1;
        }
        for (int i = fractionDigits; i < 9; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** {@link java.time.LocalDate#toEpochDay}'s arithmetic, for a valid date of a year 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400 + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= leap(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int digits(byte[] b, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
