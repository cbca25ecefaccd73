package io.egress.data.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The fast path for the datetimes of Defender exports: {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read
 * straight from characters, no string or formatter. Anything else (offsets, spaces, dates alone,
 * out-of-range fields) returns null and the caller falls back to {@link ValueConverter}, so the result
 * is always the one {@link ValueConverter#parseDateTime} gives.
 */
public final class IsoInstants {
    private IsoInstants() {
    }

    /** As {@link #parse(char[], int, int)} over a string (event readers' timestamp text). */
    public static Instant parse(String s) {
        int len = s.length();
        if (len < 20 || len > 30) {
            return null;
        }
        char[] c = new char[len];
        s.getChars(0, len, c, 0);
        return parse(c, 0, len);
    }

    /** As {@link #parse(char[], int, int)} over ASCII bytes. */
    static Instant parse(byte[] b, int off, int len) {
        if (len < 20 || len > 30) {
            return null;
        }
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            c[i] = (char) (b[off + i] & 0xFF);
        }
        return parse(c, 0, len);
    }

    /** The instant, or null when the text is not exactly the UTC form above. */
    static Instant parse(char[] c, int off, int len) {
        if (len < 20 || len > 30) {
            return null;
        }
        int end = off + len;
        if (c[end - 1] != 'Z' && c[end - 1] != 'z') {
            return null;
        }
        if (c[off + 4] != '-' || c[off + 7] != '-' || (c[off + 10] != 'T' && c[off + 10] != 't')
                || c[off + 13] != ':' || c[off + 16] != ':') {
            return null;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        int p = off + 19;
        if (p < end - 1) {
            if (c[p] != '.') {
                return null;
            }
            int fractionDigits = end - 1 - (p + 1);
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int f = digits(c, p + 1, fractionDigits);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int digits(char[] c, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = c[off + i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
