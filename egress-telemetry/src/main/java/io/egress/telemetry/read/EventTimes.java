package io.egress.telemetry.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Parses the time notations telemetry uses: ISO-8601 with a zone ({@code 2020-10-29T08:23:20.534Z},
 * any fraction length), Sysmon's {@code UtcTime} ({@code 2020-10-30 00:23:20.533}, UTC), zone-less
 * local times (taken as UTC), and epoch seconds with a fraction ({@code 1604996384.965}).
 */
public final class EventTimes {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private EventTimes() {
    }

    /** The instant the text denotes, or null when it is not a time. */
    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() < 10) {
            return null;
        }
        char c0 = s.charAt(0);
        if (c0 < '0' || c0 > '9') {
            return null;
        }
        if (s.charAt(4) == '-') {
            Instant fast = isoUtc(s);
            if (fast != null) {
                return fast;
            }
            fast = spaced(s);
            if (fast != null) {
                return fast;
            }
            try {
                if (s.endsWith("Z") || s.endsWith("z")) {
                    return LocalDateTime.parse(s.substring(0, s.length() - 1), LOCAL).toInstant(ZoneOffset.UTC);
                }
                int t = s.indexOf('T') >= 0 ? s.indexOf('T') : s.indexOf(' ');
                if (t > 0 && (s.lastIndexOf('+') > t || s.lastIndexOf('-') > t)) {
                    return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
                }
                return LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return epoch(s);
    }

    /**
     * The common exact shape {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} (Defender, Sentinel, Sysmon's UtcTime in
     * JSON), read by the export readers' own fast path; null for anything else, which the general parser decides.
     */
    static Instant isoUtc(String s) {
        return io.egress.data.io.IsoInstants.parse(s);
    }

    /**
     * Sysmon's {@code UtcTime} and other zone-less forms the general parser below takes as UTC
     * ({@code 2020-10-30 00:23:20.533}, {@code 2020-10-30T00:23:20}), read by the ISO fast path when they
     * have its shape; null for anything else. The formatter costs about a microsecond per value, and every
     * Sysmon event carries one.
     */
    static Instant spaced(String s) {
        if (s.startsWith("0000")) {
            return null; // the formatter's year-of-era has no year 0
        }
        return io.egress.data.io.IsoInstants.parseZoneless(s);
    }

    /** {@code SECONDS[.FRACTION]} since the epoch, or null. */
    public static Instant epoch(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String fraction = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 12 || fraction.length() > 9 || !digits(whole) || !digits(fraction)) {
            return null;
        }
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        return Instant.ofEpochSecond(Long.parseLong(whole), nanos);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
