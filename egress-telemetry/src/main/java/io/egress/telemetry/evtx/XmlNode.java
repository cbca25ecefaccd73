package io.egress.telemetry.evtx;

import java.time.Instant;
import java.util.List;

/**
 * The decoded BinXML tree. Template definitions hold {@link Subst} placeholders; an instantiated record
 * holds only elements and values. Values are already rendered as text (see {@link ValueDecoder}).
 */
sealed interface XmlNode {

    /** An element with its attributes (in order) and content. */
    record Element(String name, List<Attribute> attributes, List<XmlNode> content) implements XmlNode {
    }

    /** An attribute; its value is a sequence of text and substitution parts. */
    record Attribute(String name, List<XmlNode> value) {
    }

    /** Text content or a scalar value. */
    record Text(String text) implements XmlNode {
    }

    /** A FILETIME or SYSTEMTIME value: its rendering plus the exact instant (100 ns precision). */
    record Time(String text, Instant instant) implements XmlNode {
    }

    /** An array value (value type with the 0x80 flag): one rendering per item. */
    record Items(List<String> items) implements XmlNode {
    }

    /** A BinXML value (type 0x21): the nodes of the nested fragment, spliced into the parent. */
    record Fragment(List<XmlNode> nodes) implements XmlNode {
    }

    /** A NULL value (type 0x00). */
    enum Null implements XmlNode {
        INSTANCE
    }

    /** A template placeholder: value number {@code index}, optional (0x0e) or normal (0x0d). */
    record Subst(int index, int type, boolean optional) implements XmlNode {
    }
}
