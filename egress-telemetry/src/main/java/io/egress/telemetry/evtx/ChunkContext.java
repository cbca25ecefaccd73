package io.egress.telemetry.evtx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's bytes plus what its records share: names and template definitions, both addressed by
 * their offset from the chunk start and decoded at most once per chunk.
 */
final class ChunkContext {
    private final byte[] bytes;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, XmlNode.Element> templates = new HashMap<>();
    /** The most template nodes one record may instantiate; real records need a few hundred. */
    static final int NODE_BUDGET = 1_000_000;

    private final boolean trimStrings;
    private int limit;
    private int budget;

    ChunkContext(byte[] bytes, boolean trimStrings) {
        this.bytes = bytes;
        this.trimStrings = trimStrings;
    }

    /** A string value as rendered: without leading and trailing white space when trimming is on. */
    String text(String value) {
        return trimStrings ? value.strip() : value;
    }

    /** Starts a new chunk held in the first {@code limit} bytes of the buffer. */
    void reset(int limit) {
        this.limit = limit;
        names.clear();
        templates.clear();
    }

    /** Starts decoding a record: a fresh node budget. */
    void startRecord() {
        budget = NODE_BUDGET;
    }

    /** Charges {@code nodes} instantiated nodes to the current record. */
    void spend(int nodes) {
        budget -= nodes;
        if (budget < 0) {
            throw new EvtxFormatException("record expands to more than " + NODE_BUDGET + " template nodes");
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int limit() {
        return limit;
    }

    /** The name (BinXmlName) at {@code offset}: 4 bytes unknown, 2 hash, 2 character count, UTF-16, NUL. */
    String name(int offset) {
        String name = names.get(offset);
        if (name == null) {
            int chars = Le.u16(bytes, offset + 6, limit);
            name = Le.utf16(bytes, offset + 8, chars, limit);
            names.put(offset, name);
        }
        return name;
    }

    /** The byte size of the name structure at {@code offset}, when it is stored inline. */
    int nameSize(int offset) {
        return 8 + 2 * Le.u16(bytes, offset + 6, limit) + 2;
    }

    /**
     * The template definition at {@code offset}: 4 bytes next offset, 16 GUID, 4 data size, then a
     * BinXML fragment holding one element with substitution placeholders.
     */
    XmlNode.Element template(int offset, int nesting) {
        XmlNode.Element template = templates.get(offset);
        if (template == null) {
            int size = Le.i32(bytes, offset + 20, limit);
            int start = offset + 24;
            Le.check(start, size, limit);
            List<XmlNode> nodes = new BinXmlParser(this, start, start + size, nesting + 1, false).parseFragments();
            if (nodes.size() != 1 || !(nodes.get(0) instanceof XmlNode.Element)) {
                throw new EvtxFormatException("template definition at chunk offset 0x" + Integer.toHexString(offset)
                        + " does not hold exactly one element");
            }
            template = (XmlNode.Element) nodes.get(0);
            templates.put(offset, template);
        }
        return template;
    }

    /** The byte size of the template definition at {@code offset}, when it is stored inline. */
    int templateSize(int offset) {
        int size = Le.i32(bytes, offset + 20, limit);
        Le.check(offset + 24, size, limit);
        return 24 + size;
    }
}
