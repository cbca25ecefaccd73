package io.egress.kql.engine.functions.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.egress.kql.engine.functions.support.Values;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * parse_xml: XML to a property bag. Attributes become {@code "@name"}, text mixed with children
 * {@code "#text"}, repeated child elements an array, and an element holding only text its string.
 * DTDs are refused (no external entities). Invalid XML gives null.
 */
final class XmlToJson {
    private XmlToJson() {
    }

    static JsonNode parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            ObjectNode out = Values.NODES.objectNode();
            out.set(root.getTagName(), element(root));
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode element(Element e) {
        ObjectNode obj = Values.NODES.objectNode();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            obj.put("@" + a.getNodeName(), a.getNodeValue());
        }
        StringBuilder text = new StringBuilder();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node c = children.item(i);
            if (c instanceof Element child) {
                JsonNode value = element(child);
                JsonNode existing = obj.get(child.getTagName());
                if (existing == null) {
                    obj.set(child.getTagName(), value);
                } else if (existing.isArray()) { // element() never returns an array, so this is our list
                    ((ArrayNode) existing).add(value);
                } else {
                    ArrayNode arr = Values.NODES.arrayNode();
                    arr.add(existing);
                    arr.add(value);
                    obj.set(child.getTagName(), arr);
                }
            } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(c.getNodeValue());
            }
        }
        String t = text.toString().trim();
        if (obj.isEmpty()) {
            return t.isEmpty() ? Values.NODES.nullNode() : Values.NODES.textNode(t);
        }
        if (!t.isEmpty()) {
            obj.put("#text", t);
        }
        return obj;
    }
}
