package io.egress.telemetry.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes small, valid EVTX files of Sysmon-like events for tests: one chunk per list of events, each
 * event a record whose BinXML is an instance of this template (stored inline in a chunk's first record,
 * referenced by offset afterwards):
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
    private static final int[] DATA_TYPES = {0x01, 0x15, 0x13, 0x81};

    /** One event's values; {@code activityId} null leaves the optional attribute out. */
    record Event(String provider, int eventId, long fileTime, String computer, byte[] activityId,
                 String a, long b, int[] sidSubAuthorities, List<String> d) {
    }

    private EvtxFixture() {
    }

    /** 2025-01-01T12:00:00.1234567Z as a FILETIME. */
    static final long FILETIME_2025 = 133_802_064_001_234_567L;

    /** A Sysmon-like sample event, varied by {@code i}. */
    static EvtxFixture.Event sample(int i) {
        byte[] guid = {0x2b, 0x1e, 0x52, (byte) 0x8e, 0x26, 0x7c, 0x01, 0x00, 0x41, 0x7f, (byte) 0x9c, (byte) 0x8e, 0x26, 0x7c, (byte) 0xdb, 0x01};
        return new EvtxFixture.Event("Microsoft-Windows-Sysmon", 1 + i, FILETIME_2025 + i, "host-" + i,
                i % 2 == 0 ? guid : null, "cmd.exe /c echo " + i, 0x104be4L + i, new int[] {18}, List.of("x", "y" + i));
    }

    static byte[] file(List<List<Event>> chunks) {
        List<byte[]> written = new ArrayList<>();
        long recordId = 1;
        for (List<Event> events : chunks) {
            ChunkWriter chunk = new ChunkWriter(recordId);
            for (Event event : events) {
                chunk.record(event.fileTime(), w -> w.fragmentHeader()
                        .templateInstance("event", EvtxFixture::template, types(event), values(event)).eof());
            }
            written.add(chunk.finish());
            recordId += events.size();
        }
        return ChunkWriter.file(written.toArray(new byte[0][]));
    }

    private static void template(ChunkWriter w) {
        w.fragmentHeader();
        w.open("Event", true).attribute("xmlns", false).text(XMLNS).closeStart();
        w.open("System", false).closeStart();
        w.open("Provider", true).attribute("Name", false).subst(0, 0x01, false).closeEmpty();
        w.open("EventID", false).closeStart().subst(1, 0x06, false).end();
        w.open("TimeCreated", true).attribute("SystemTime", false).subst(2, 0x11, false).closeEmpty();
        w.open("Computer", false).closeStart().subst(3, 0x01, false).end();
        w.open("Correlation", true).attribute("ActivityID", false).subst(4, 0x0f, true).closeEmpty();
        w.end();
        w.open("EventData", false).closeStart();
        String[] names = {"A", "B", "C", "D"};
        for (int i = 0; i < names.length; i++) {
            w.open("Data", true).attribute("Name", false).text(names[i]).closeStart().subst(5 + i, DATA_TYPES[i], true).end();
        }
        w.end().end().eof();
    }

    private static int[] types(Event e) {
        return new int[] {0x01, 0x06, 0x11, 0x01, e.activityId() == null ? 0x00 : 0x0f, 0x01, 0x15, 0x13, 0x81};
    }

    private static List<Consumer<ChunkWriter>> values(Event e) {
        List<Consumer<ChunkWriter>> values = new ArrayList<>();
        values.add(w -> w.utf16(e.provider()));
        values.add(w -> w.u16(e.eventId()));
        values.add(w -> w.u64(e.fileTime()));
        values.add(w -> w.utf16(e.computer()));
        values.add(w -> w.bytes(e.activityId() == null ? new byte[0] : e.activityId()));
        values.add(w -> w.utf16(e.a()));
        values.add(w -> w.u64(e.b()));
        values.add(w -> w.bytes(sid(5, e.sidSubAuthorities())));
        values.add(w -> w.bytes(stringArray(e.d())));
        return values;
    }

    static byte[] stringArray(List<String> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String item : items) {
            out.writeBytes(item.getBytes(StandardCharsets.UTF_16LE));
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] sid(long authority, int[] subAuthorities) {
        byte[] sid = new byte[8 + 4 * subAuthorities.length];
        sid[0] = 1;
        sid[1] = (byte) subAuthorities.length;
        for (int i = 0; i < 6; i++) {
            sid[7 - i] = (byte) (authority >>> (8 * i));
        }
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
}
