package io.egress.telemetry.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads BinXML tokens from a slice of a chunk into {@link XmlNode}s: fragment headers, elements with
 * attributes, values, substitutions, character and entity references, CDATA, processing instructions
 * and template instances (whose definitions are cached in the {@link ChunkContext}).
 *
 * <p>Every read is bounds-checked against the slice; element depth and BinXML nesting (values of type
 * BinXML, template definitions) are capped, so corrupt input ends in an {@link EvtxFormatException},
 * never in a hang or a stack overflow.
 */
final class BinXmlParser {
    static final int MAX_ELEMENT_DEPTH = 64;
    static final int MAX_NESTING = 8;

    private static final int EOF = 0x00;
    private static final int OPEN_START = 0x01;
    private static final int CLOSE_START = 0x02;
    private static final int CLOSE_EMPTY = 0x03;
    private static final int END_ELEMENT = 0x04;
    private static final int VALUE = 0x05;
    private static final int ATTRIBUTE = 0x06;
    private static final int CDATA = 0x07;
    private static final int CHAR_REF = 0x08;
    private static final int ENTITY_REF = 0x09;
    private static final int PI_TARGET = 0x0a;
    private static final int PI_DATA = 0x0b;
    private static final int TEMPLATE_INSTANCE = 0x0c;
    private static final int NORMAL_SUBST = 0x0d;
    private static final int OPTIONAL_SUBST = 0x0e;
    private static final int FRAGMENT_HEADER = 0x0f;
    private static final int MORE = 0x40;

    private final ChunkContext chunk;
    private final byte[] b;
    private final int limit;
    private final int nesting;
    private final boolean inValue;
    private int pos;

    /**
     * @param inValue whether the slice is a BinXML substitution value; elements opened directly in such a
     *                value carry no dependency identifier (libevtx format notes)
     */
    BinXmlParser(ChunkContext chunk, int start, int limit, int nesting, boolean inValue) {
        if (nesting > MAX_NESTING) {
            throw new EvtxFormatException("BinXML nested deeper than " + MAX_NESTING);
        }
        this.chunk = chunk;
        this.b = chunk.bytes();
        this.limit = Math.min(limit, chunk.limit());
        this.nesting = nesting;
        this.inValue = inValue;
        this.pos = start;
    }

    /** Reads fragments until an end-of-file token or the end of the slice. */
    List<XmlNode> parseFragments() {
        List<XmlNode> out = new ArrayList<>(1);
        while (pos < limit) {
            int token = peek();
            switch (token) {
                case EOF:
                    pos++;
                    return out;
                case FRAGMENT_HEADER:
                    Le.check(pos, 4, limit);
                    pos += 4; // token, major and minor version, flags
                    break;
                case TEMPLATE_INSTANCE:
                    out.add(templateInstance());
                    break;
                case OPEN_START:
                case OPEN_START | MORE:
                    out.add(element(0));
                    break;
                default:
                    throw bad("unexpected token 0x" + Integer.toHexString(token) + " at fragment level");
            }
        }
        return out;
    }

    private XmlNode.Element element(int depth) {
        if (depth > MAX_ELEMENT_DEPTH) {
            throw bad("elements nested deeper than " + MAX_ELEMENT_DEPTH);
        }
        int token = u8();
        if (!inValue) {
            skip(2); // dependency identifier
        }
        skip(4); // data size
        String name = name();
        List<XmlNode.Attribute> attributes = List.of();
        if ((token & MORE) != 0) {
            skip(4); // attribute list size
            attributes = new ArrayList<>(4);
            while (pos < limit && (peek() & ~MORE) == ATTRIBUTE) {
                int attributeToken = u8();
                String attributeName = name();
                attributes.add(new XmlNode.Attribute(attributeName, attributeValue()));
                if ((attributeToken & MORE) == 0) {
                    break;
                }
            }
        }
        int close = u8();
        if (close == CLOSE_EMPTY) {
            return new XmlNode.Element(name, attributes, List.of());
        }
        if (close != CLOSE_START) {
            throw bad("expected the end of start element <" + name + ">, found token 0x" + Integer.toHexString(close));
        }
        return new XmlNode.Element(name, attributes, content(depth));
    }

    private List<XmlNode> attributeValue() {
        List<XmlNode> parts = new ArrayList<>(1);
        while (pos < limit) {
            switch (peek()) {
                case VALUE:
                case VALUE | MORE:
                    parts.add(value());
                    break;
                case NORMAL_SUBST:
                case OPTIONAL_SUBST:
                    parts.add(substitution());
                    break;
                case CHAR_REF:
                case CHAR_REF | MORE:
                    parts.add(charRef());
                    break;
                case ENTITY_REF:
                case ENTITY_REF | MORE:
                    parts.add(entityRef());
                    break;
                default:
                    return parts;
            }
        }
        return parts;
    }

    private List<XmlNode> content(int depth) {
        List<XmlNode> content = new ArrayList<>(2);
        while (true) {
            int token = peek();
            switch (token) {
                case OPEN_START:
                case OPEN_START | MORE:
                    content.add(element(depth + 1));
                    break;
                case VALUE:
                case VALUE | MORE:
                    content.add(value());
                    break;
                case NORMAL_SUBST:
                case OPTIONAL_SUBST:
                    content.add(substitution());
                    break;
                case CHAR_REF:
                case CHAR_REF | MORE:
                    content.add(charRef());
                    break;
                case ENTITY_REF:
                case ENTITY_REF | MORE:
                    content.add(entityRef());
                    break;
                case CDATA:
                case CDATA | MORE:
                    pos++;
                    content.add(new XmlNode.Text(string()));
                    break;
                case PI_TARGET:
                    pos++;
                    name();
                    break;
                case PI_DATA:
                    pos++;
                    string();
                    break;
                case TEMPLATE_INSTANCE:
                    content.add(templateInstance());
                    break;
                case FRAGMENT_HEADER:
                    skip(4);
                    break;
                case END_ELEMENT:
                    pos++;
                    return content;
                default:
                    throw bad("unexpected token 0x" + Integer.toHexString(token) + " in element content");
            }
        }
    }

    /** A value token: a type byte, then for strings a character count and UTF-16 text. */
    private XmlNode value() {
        pos++;
        int type = u8();
        if (type == ValueDecoder.STRING) {
            return new XmlNode.Text(chunk.text(string()));
        }
        int size = ValueDecoder.fixedSize(type);
        if (size < 0) {
            throw bad("value token of variable-size type 0x" + Integer.toHexString(type));
        }
        Le.check(pos, size, limit);
        String text = ValueDecoder.scalar(b, pos, pos + size, type);
        pos += size;
        return new XmlNode.Text(text);
    }

    private XmlNode substitution() {
        boolean optional = u8() == OPTIONAL_SUBST;
        int index = u16();
        int type = u8();
        return new XmlNode.Subst(index, type, optional);
    }

    private XmlNode charRef() {
        pos++;
        return new XmlNode.Text(String.valueOf((char) u16()));
    }

    private XmlNode entityRef() {
        pos++;
        String entity = name();
        switch (entity) {
            case "lt": return new XmlNode.Text("<");
            case "gt": return new XmlNode.Text(">");
            case "amp": return new XmlNode.Text("&");
            case "quot": return new XmlNode.Text("\"");
            case "apos": return new XmlNode.Text("'");
            default: return new XmlNode.Text("&" + entity + ";");
        }
    }

    /**
     * A template instance: 1 byte unknown, 4 template identifier, 4 definition offset (the definition
     * follows inline when the offset points here), then the instance data: a value count, that many
     * (size, type) descriptors, and the values.
     */
    private XmlNode.Element templateInstance() {
        pos++;
        skip(1);
        skip(4);
        int definition = i32();
        if (definition == pos) {
            skip(chunk.templateSize(definition));
        }
        XmlNode.Element template = chunk.template(definition, nesting);
        long count = i32() & 0xffffffffL;
        if (count > (limit - pos) / 4) {
            throw bad("template instance claims " + count + " values");
        }
        int n = (int) count;
        int[] sizes = new int[n];
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = u16();
            types[i] = u8();
            skip(1);
        }
        XmlNode[] values = new XmlNode[n];
        for (int i = 0; i < n; i++) {
            Le.check(pos, sizes[i], limit);
            values[i] = ValueDecoder.decode(chunk, pos, sizes[i], types[i], nesting);
            pos += sizes[i];
        }
        return TemplateInstantiator.instantiate(template, values, chunk);
    }

    /** A name offset; the name itself follows inline when the offset points here. */
    private String name() {
        int offset = i32();
        String name = chunk.name(offset);
        if (offset == pos) {
            skip(chunk.nameSize(offset));
        }
        return name;
    }

    private String string() {
        int chars = u16();
        String s = Le.utf16(b, pos, chars, limit);
        pos += chars * 2;
        return s;
    }

    private int peek() {
        return Le.u8(b, pos, limit);
    }

    private int u8() {
        return Le.u8(b, pos++, limit);
    }

    private int u16() {
        int v = Le.u16(b, pos, limit);
        pos += 2;
        return v;
    }

    private int i32() {
        int v = Le.i32(b, pos, limit);
        pos += 4;
        return v;
    }

    private void skip(int n) {
        Le.check(pos, n, limit);
        pos += n;
    }

    private EvtxFormatException bad(String message) {
        return new EvtxFormatException(message + " (chunk offset 0x" + Integer.toHexString(pos) + ")");
    }
}
