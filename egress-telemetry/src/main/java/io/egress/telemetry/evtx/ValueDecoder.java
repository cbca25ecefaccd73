package io.egress.telemetry.evtx;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes BinXML substitution values (every value type, and arrays of them) into rendered nodes.
 *
 * <p>Renderings follow the evtx_dump JSON that ships with the SigmaHQ regression data: integers in
 * decimal, hex integers as {@code 0x} + lower-case digits without padding, GUIDs upper-case without
 * braces, SIDs as {@code S-1-...}, FILETIME and SYSTEMTIME as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ}
 * (the exact instant is kept in {@link XmlNode.Time}), binary as upper-case hex, booleans as
 * {@code true}/{@code false}.
 */
final class ValueDecoder {
    static final int NULL = 0x00;
    static final int STRING = 0x01;
    static final int ANSI = 0x02;
    static final int BINXML = 0x21;
    static final int ARRAY = 0x80;

    private static final Charset ANSI_CHARSET = Charset.forName("windows-1252");
    private static final long FILETIME_EPOCH_SECONDS = -11_644_473_600L; // 1601-01-01 relative to 1970
    private static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ValueDecoder() {
    }

    /** Decodes {@code size} bytes at {@code off} of the chunk as a value of {@code type}. */
    static XmlNode decode(ChunkContext chunk, int off, int size, int type, int nesting) {
        byte[] b = chunk.bytes();
        int end = off + size;
        Le.check(off, size, chunk.limit());
        if ((type & ARRAY) != 0) {
            return new XmlNode.Items(array(b, off, end, type & 0x7f));
        }
        switch (type) {
            case NULL:
                return XmlNode.Null.INSTANCE;
            case STRING:
                return new XmlNode.Text(chunk.text(trimNul(Le.utf16(b, off, size / 2, end))));
            case ANSI:
                return new XmlNode.Text(chunk.text(trimNul(new String(b, off, size, ANSI_CHARSET))));
            case 0x11: {
                Instant t = fileTime(Le.i64(b, off, end));
                return new XmlNode.Time(formatTime(t), t);
            }
            case 0x12: {
                Instant t = systemTime(b, off, end);
                return new XmlNode.Time(t == null ? "" : formatTime(t), t);
            }
            case BINXML:
                return binXml(chunk, off, end, nesting);
            case 0x23: // EvtXml: undocumented; try BinXML, fall back to hex
                try {
                    return binXml(chunk, off, end, nesting);
                } catch (EvtxFormatException e) {
                    return new XmlNode.Text(hex(b, off, size));
                }
            default:
                return new XmlNode.Text(scalar(b, off, end, type));
        }
    }

    /**
     * A BinXML value: usually a fragment holding a template instance. libevtx notes that an element
     * opened directly in such a value has no dependency identifier; if that reading fails, the value is
     * read again with one, as in a record.
     */
    private static XmlNode binXml(ChunkContext chunk, int off, int end, int nesting) {
        byte[] b = chunk.bytes();
        int first = off < end ? b[off] & 0xff : 0;
        if (first == 0x0f && off + 4 < end) {
            first = b[off + 4] & 0xff;
        }
        if ((first & ~0x40) != 0x01) { // no element opened directly here: the question does not arise
            return new XmlNode.Fragment(new BinXmlParser(chunk, off, end, nesting + 1, false).parseFragments());
        }
        try {
            return new XmlNode.Fragment(new BinXmlParser(chunk, off, end, nesting + 1, true).parseFragments());
        } catch (EvtxFormatException e) {
            // such an element has no template of its own; nesting is capped, so retrying stays bounded
            return new XmlNode.Fragment(new BinXmlParser(chunk, off, end, nesting + 1, false).parseFragments());
        }
    }

    /** Renders one fixed-size or byte-string scalar occupying [off, end). */
    static String scalar(byte[] b, int off, int end, int type) {
        int size = end - off;
        switch (type) {
            case STRING:
                return trimNul(Le.utf16(b, off, size / 2, end));
            case ANSI:
                return trimNul(new String(b, off, size, ANSI_CHARSET));
            case 0x03:
                return Integer.toString((byte) Le.u8(b, off, end));
            case 0x04:
                return Integer.toString(Le.u8(b, off, end));
            case 0x05:
                return Integer.toString((short) Le.u16(b, off, end));
            case 0x06:
                return Integer.toString(Le.u16(b, off, end));
            case 0x07:
                return Integer.toString(Le.i32(b, off, end));
            case 0x08:
                return Long.toString(Le.u32(b, off, end));
            case 0x09:
                return Long.toString(Le.i64(b, off, end));
            case 0x0a:
                return Long.toUnsignedString(Le.i64(b, off, end));
            case 0x0b:
                return real(Float.intBitsToFloat(Le.i32(b, off, end)));
            case 0x0c:
                return real(Double.longBitsToDouble(Le.i64(b, off, end)));
            case 0x0d:
                return (size >= 4 ? Le.i32(b, off, end) : Le.u8(b, off, end)) != 0 ? "true" : "false";
            case 0x0e:
            case 0x20: // EvtHandle: undocumented, rendered as its bytes
                return hex(b, off, size);
            case 0x0f:
                return guid(b, off, end);
            case 0x10: // size_t: 32 or 64 bits, rendered as a hex integer
                return size >= 8 ? hex64(Le.i64(b, off, end)) : hex64(Le.u32(b, off, end));
            case 0x11:
                return formatTime(fileTime(Le.i64(b, off, end)));
            case 0x12: {
                Instant t = systemTime(b, off, end);
                return t == null ? "" : formatTime(t);
            }
            case 0x13:
                return sid(b, off, end);
            case 0x14:
                return hex64(Le.u32(b, off, end));
            case 0x15:
                return hex64(Le.i64(b, off, end));
            default:
                throw new EvtxFormatException("unknown value type 0x" + Integer.toHexString(type));
        }
    }

    /** The natural size of a fixed-size type, or -1 for variable-size types. */
    static int fixedSize(int type) {
        switch (type) {
            case 0x03: case 0x04: return 1;
            case 0x05: case 0x06: return 2;
            case 0x07: case 0x08: case 0x0b: case 0x0d: case 0x14: return 4;
            case 0x09: case 0x0a: case 0x0c: case 0x11: case 0x15: return 8;
            case 0x0f: case 0x12: return 16;
            default: return -1;
        }
    }

    private static List<String> array(byte[] b, int off, int end, int type) {
        List<String> items = new ArrayList<>();
        if (type == STRING) {
            int start = off;
            for (int p = off; p + 1 < end; p += 2) {
                if (b[p] == 0 && b[p + 1] == 0) {
                    items.add(Le.utf16(b, start, (p - start) / 2, end));
                    start = p + 2;
                }
            }
            if (start + 1 < end) {
                items.add(trimNul(Le.utf16(b, start, (end - start) / 2, end)));
            }
            return items;
        }
        if (type == ANSI) {
            int start = off;
            for (int p = off; p < end; p++) {
                if (b[p] == 0) {
                    items.add(new String(b, start, p - start, ANSI_CHARSET));
                    start = p + 1;
                }
            }
            if (start < end) {
                items.add(new String(b, start, end - start, ANSI_CHARSET));
            }
            return items;
        }
        int size = type == 0x10 ? ((end - off) % 8 == 0 ? 8 : 4) : type == 0x13 ? -1 : fixedSize(type);
        if (type == 0x13) {
            for (int p = off; p + 8 <= end; ) {
                int length = 8 + 4 * Le.u8(b, p + 1, end);
                items.add(sid(b, p, Math.min(end, p + length)));
                p += length;
            }
            return items;
        }
        if (size <= 0) {
            throw new EvtxFormatException("unsupported array value type 0x" + Integer.toHexString(type | ARRAY));
        }
        for (int p = off; p + size <= end; p += size) {
            items.add(scalar(b, p, p + size, type));
        }
        return items;
    }

    static Instant fileTime(long ticks) {
        long seconds = Math.floorDiv(ticks, 10_000_000L);
        long hundredNanos = Math.floorMod(ticks, 10_000_000L);
        return Instant.ofEpochSecond(FILETIME_EPOCH_SECONDS + seconds, hundredNanos * 100);
    }

    private static Instant systemTime(byte[] b, int off, int end) {
        Le.check(off, 16, end);
        int year = Le.u16(b, off, end);
        int month = Le.u16(b, off + 2, end);
        int day = Le.u16(b, off + 6, end);
        int hour = Le.u16(b, off + 8, end);
        int minute = Le.u16(b, off + 10, end);
        int second = Le.u16(b, off + 12, end);
        int millis = Le.u16(b, off + 14, end);
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String formatTime(Instant t) {
        return TIME_FORMAT.format(t.atOffset(ZoneOffset.UTC));
    }

    private static String guid(byte[] b, int off, int end) {
        Le.check(off, 16, end);
        StringBuilder s = new StringBuilder(36);
        hexDigits(s, Le.u32(b, off, end), 8).append('-');
        hexDigits(s, Le.u16(b, off + 4, end), 4).append('-');
        hexDigits(s, Le.u16(b, off + 6, end), 4).append('-');
        for (int i = 8; i < 16; i++) {
            if (i == 10) {
                s.append('-');
            }
            hexDigits(s, b[off + i] & 0xff, 2);
        }
        return s.toString();
    }

    private static StringBuilder hexDigits(StringBuilder s, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            s.append(HEX[(int) (v >>> shift) & 0xf]);
        }
        return s;
    }

    private static String sid(byte[] b, int off, int end) {
        int revision = Le.u8(b, off, end);
        int count = Le.u8(b, off + 1, end);
        Le.check(off, 8 + 4 * count, end);
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (b[off + i] & 0xff);
        }
        StringBuilder s = new StringBuilder("S-").append(revision).append('-');
        s.append(authority < (1L << 32) ? Long.toString(authority) : "0x" + String.format("%012X", authority));
        for (int i = 0; i < count; i++) {
            s.append('-').append(Le.u32(b, off + 8 + 4 * i, end));
        }
        return s.toString();
    }

    static String hex64(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String hex(byte[] b, int off, int size) {
        char[] out = new char[size * 2];
        for (int i = 0; i < size; i++) {
            out[2 * i] = HEX[(b[off + i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[off + i] & 0xf];
        }
        return new String(out);
    }

    private static String real(double v) {
        if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String real(float v) {
        if (v == Math.rint(v) && !Float.isInfinite(v) && Math.abs(v) < 1e7f) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    static String trimNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }
}
