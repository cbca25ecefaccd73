package io.egress.telemetry.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Writes small, valid EVTX files for tests: a file header, then one chunk per list of events, each
 * event a record whose BinXML is a template instance. The template definition is stored inline in a
 * chunk's first record and referenced by offset afterwards; names are inline on first use and
 * referenced afterwards, so both paths of the reader are exercised.
 *
 * <pre>
 * &lt;Event xmlns="..."&gt;&lt;System&gt;&lt;Provider Name="%0"/&gt;&lt;EventID&gt;%1&lt;/EventID&gt;
 *   &lt;TimeCreated SystemTime="%2"/&gt;&lt;Computer&gt;%3&lt;/Computer&gt;&lt;Correlation ActivityID="%4?"/&gt;&lt;/System&gt;
 *   &lt;EventData&gt;&lt;Data Name="A"&gt;%5&lt;/Data&gt;&lt;Data Name="B"&gt;%6&lt;/Data&gt;&lt;Data Name="C"&gt;%7&lt;/Data&gt;
 *   &lt;Data Name="D"&gt;%8&lt;/Data&gt;&lt;/EventData&gt;&lt;/Event&gt;
 * </pre>
 * with types: %0 string, %1 uint16, %2 FILETIME, %3 string, %4 optional GUID, %5 string, %6 hex int64,
 * %7 SID, %8 string array.
 */
final class EvtxFixture {
    static final String XMLNS = "http://schemas.microsoft.com/win/2004/08/events/event";

    /** One event's values; {@code activityId} null leaves the optional attribute out. */
    record Event(String provider, int eventId, long fileTime, String computer, byte[] activityId,
                 String a, long b, int[] sidSubAuthorities, List<String> d) {
    }

    private EvtxFixture() {
    }

    static byte[] file(List<List<Event>> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[EvtxReader.FILE_HEADER_SIZE];
        Buf h = new Buf(header);
        h.bytes("ElfFile\0".getBytes(StandardCharsets.US_ASCII));
        h.u64(0);
        h.u64(Math.max(0, chunks.size() - 1));
        long records = chunks.stream().mapToLong(List::size).sum();
        h.u64(records + 1);
        h.u32(128);
        h.u16(2);
        h.u16(3);
        h.u16(4096);
        h.u16(chunks.size());
        CRC32 crc = new CRC32();
        crc.update(header, 0, 120);
        h.at(124).u32(crc.getValue());
        out.writeBytes(header);
        long recordId = 1;
        for (List<Event> chunk : chunks) {
            out.writeBytes(chunk(chunk, recordId));
            recordId += chunk.size();
        }
        return out.toByteArray();
    }

    private static byte[] chunk(List<Event> events, long firstRecordId) {
        byte[] chunk = new byte[ChunkDecoder.CHUNK_SIZE];
        Buf c = new Buf(chunk);
        c.at(ChunkDecoder.HEADER_SIZE);
        Map<String, Integer> names = new HashMap<>();
        int templateOffset = -1;
        int lastRecord = ChunkDecoder.HEADER_SIZE;
        long id = firstRecordId;
        for (Event event : events) {
            lastRecord = c.pos;
            int start = c.pos;
            c.u32(0x00002a2a);
            int sizeAt = c.pos;
            c.u32(0);
            c.u64(id++);
            c.u64(event.fileTime());
            c.u8(0x0f).u8(1).u8(1).u8(0); // fragment header
            c.u8(0x0c).u8(1).u32(0x1234);
            if (templateOffset < 0) {
                templateOffset = c.pos + 4;
                c.u32(templateOffset);
                template(c, names);
            } else {
                c.u32(templateOffset);
            }
            values(c, event);
            c.u8(0x00); // end of fragment
            int size = c.pos - start + 4;
            c.u32(size);
            c.at(sizeAt).u32(size).at(start + size);
        }
        int freeSpace = c.pos;
        Buf head = new Buf(chunk);
        head.bytes("ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
        head.u64(firstRecordId).u64(firstRecordId + events.size() - 1);
        head.u64(firstRecordId).u64(firstRecordId + events.size() - 1);
        head.u32(128).u32(lastRecord).u32(freeSpace);
        CRC32 crc = new CRC32();
        crc.update(chunk, ChunkDecoder.HEADER_SIZE, freeSpace - ChunkDecoder.HEADER_SIZE);
        head.at(52).u32(crc.getValue());
        crc.reset();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, 384);
        head.at(124).u32(crc.getValue());
        return chunk;
    }

    private static void template(Buf c, Map<String, Integer> names) {
        c.u32(0); // next template offset
        c.bytes(new byte[16]); // template GUID
        int sizeAt = c.pos;
        c.u32(0);
        int bodyStart = c.pos;
        c.u8(0x0f).u8(1).u8(1).u8(0);
        open(c, names, "Event", true);
        attribute(c, names, "xmlns", true);
        c.u8(0x05).u8(0x01).u16(XMLNS.length()).utf16(XMLNS);
        c.u8(0x02);
        open(c, names, "System", false);
        c.u8(0x02);
        open(c, names, "Provider", true);
        attribute(c, names, "Name", true);
        c.u8(0x0d).u16(0).u8(0x01);
        c.u8(0x03);
        textElement(c, names, "EventID", 1, 0x06);
        open(c, names, "TimeCreated", true);
        attribute(c, names, "SystemTime", true);
        c.u8(0x0d).u16(2).u8(0x11);
        c.u8(0x03);
        textElement(c, names, "Computer", 3, 0x01);
        open(c, names, "Correlation", true);
        attribute(c, names, "ActivityID", true);
        c.u8(0x0e).u16(4).u8(0x0f);
        c.u8(0x03);
        c.u8(0x04); // </System>
        open(c, names, "EventData", false);
        c.u8(0x02);
        String[] data = {"A", "B", "C", "D"};
        int[] types = {0x01, 0x15, 0x13, 0x81};
        for (int i = 0; i < data.length; i++) {
            open(c, names, "Data", true);
            attribute(c, names, "Name", true);
            c.u8(0x05).u8(0x01).u16(1).utf16(data[i]);
            c.u8(0x02);
            c.u8(0x0e).u16(5 + i).u8(types[i]);
            c.u8(0x04);
        }
        c.u8(0x04); // </EventData>
        c.u8(0x04); // </Event>
        c.u8(0x00);
        int end = c.pos;
        c.at(sizeAt).u32(end - bodyStart).at(end);
    }

    private static void textElement(Buf c, Map<String, Integer> names, String name, int index, int type) {
        open(c, names, name, false);
        c.u8(0x02);
        c.u8(0x0d).u16(index).u8(type);
        c.u8(0x04);
    }

    private static void open(Buf c, Map<String, Integer> names, String name, boolean attributes) {
        c.u8(attributes ? 0x41 : 0x01).u16(0xffff).u32(0);
        name(c, names, name);
        if (attributes) {
            c.u32(0); // attribute list size (not used by the reader)
        }
    }

    private static void attribute(Buf c, Map<String, Integer> names, String name, boolean last) {
        c.u8(last ? 0x06 : 0x46);
        name(c, names, name);
    }

    private static void name(Buf c, Map<String, Integer> names, String name) {
        Integer offset = names.get(name);
        if (offset != null) {
            c.u32(offset);
            return;
        }
        int here = c.pos + 4;
        names.put(name, here);
        c.u32(here).u32(0).u16(0).u16(name.length()).utf16(name).u16(0);
    }

    private static void values(Buf c, Event e) {
        byte[][] values = {
            utf16(e.provider()),
            le(e.eventId(), 2),
            le(e.fileTime(), 8),
            utf16(e.computer()),
            e.activityId() == null ? new byte[0] : e.activityId(),
            utf16(e.a()),
            le(e.b(), 8),
            sid(e.sidSubAuthorities()),
            stringArray(e.d()),
        };
        int[] types = {0x01, 0x06, 0x11, 0x01, e.activityId() == null ? 0x00 : 0x0f, 0x01, 0x15, 0x13, 0x81};
        c.u32(values.length);
        for (int i = 0; i < values.length; i++) {
            c.u16(values[i].length).u8(types[i]).u8(0);
        }
        for (byte[] value : values) {
            c.bytes(value);
        }
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] stringArray(List<String> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String item : items) {
            out.writeBytes(utf16(item));
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] sid(int[] subAuthorities) {
        byte[] sid = new byte[8 + 4 * subAuthorities.length];
        sid[0] = 1;
        sid[1] = (byte) subAuthorities.length;
        sid[7] = 5; // NT authority
        for (int i = 0; i < subAuthorities.length; i++) {
            System.arraycopy(le(subAuthorities[i], 4), 0, sid, 8 + 4 * i, 4);
        }
        return sid;
    }

    static byte[] le(long v, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** A little-endian writer over a fixed array. */
    private static final class Buf {
        final byte[] b;
        int pos;

        Buf(byte[] b) {
            this.b = b;
        }

        Buf at(int p) {
            pos = p;
            return this;
        }

        Buf u8(int v) {
            b[pos++] = (byte) v;
            return this;
        }

        Buf u16(int v) {
            return bytes(le(v, 2));
        }

        Buf u32(long v) {
            return bytes(le(v, 4));
        }

        Buf u64(long v) {
            return bytes(le(v, 8));
        }

        Buf utf16(String s) {
            return bytes(EvtxFixture.utf16(s));
        }

        Buf bytes(byte[] v) {
            System.arraycopy(v, 0, b, pos, v.length);
            pos += v.length;
            return this;
        }
    }
}
