package io.egress.telemetry.evtx;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills a template definition's substitution placeholders with a template instance's values.
 *
 * <p>An attribute whose value is an optional substitution of a NULL value is left out (as Windows and
 * evtx_dump do: {@code <Correlation/>} without {@code ActivityID}); an element whose content is such a
 * value stays, empty. A BinXML value's nodes are spliced into the content in place of the placeholder.
 * Every node made is charged to the record's budget ({@link ChunkContext#spend}), so a record that
 * instantiates a large template thousands of times fails instead of exhausting memory.
 */
final class TemplateInstantiator {
    private TemplateInstantiator() {
    }

    static XmlNode.Element instantiate(XmlNode.Element template, XmlNode[] values, ChunkContext chunk) {
        chunk.spend(1 + template.attributes().size() + template.content().size());
        List<XmlNode.Attribute> attributes = template.attributes();
        if (!attributes.isEmpty()) {
            List<XmlNode.Attribute> filled = new ArrayList<>(attributes.size());
            for (XmlNode.Attribute attribute : attributes) {
                List<XmlNode> value = new ArrayList<>(attribute.value().size());
                boolean dropped = false;
                for (XmlNode part : attribute.value()) {
                    if (part instanceof XmlNode.Subst) {
                        XmlNode.Subst subst = (XmlNode.Subst) part;
                        XmlNode v = value(subst, values);
                        if (v == XmlNode.Null.INSTANCE) {
                            dropped |= subst.optional();
                            continue;
                        }
                        value.add(v);
                    } else {
                        value.add(part);
                    }
                }
                if (!(dropped && value.isEmpty())) {
                    filled.add(new XmlNode.Attribute(attribute.name(), value));
                }
            }
            attributes = filled;
        }
        List<XmlNode> content = new ArrayList<>(template.content().size());
        for (XmlNode node : template.content()) {
            if (node instanceof XmlNode.Subst) {
                XmlNode v = value((XmlNode.Subst) node, values);
                if (v instanceof XmlNode.Fragment) {
                    content.addAll(((XmlNode.Fragment) v).nodes());
                } else if (v != XmlNode.Null.INSTANCE) {
                    content.add(v);
                }
            } else if (node instanceof XmlNode.Element) {
                content.add(instantiate((XmlNode.Element) node, values, chunk));
            } else {
                content.add(node);
            }
        }
        return new XmlNode.Element(template.name(), attributes, content);
    }

    /** The value for a placeholder; an index past the instance's values reads as NULL. */
    private static XmlNode value(XmlNode.Subst subst, XmlNode[] values) {
        return subst.index() < values.length ? values[subst.index()] : XmlNode.Null.INSTANCE;
    }
}
