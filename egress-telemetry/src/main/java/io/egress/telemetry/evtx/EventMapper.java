package io.egress.telemetry.evtx;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded {@code <Event>} tree into a {@link RawEvent}.
 *
 * <p>{@code system} is flat, in source order: a System child's text under its own name
 * ({@code EventID}, {@code Channel}, {@code Computer}, ...) and each of its attributes under
 * {@code Element.Attribute} ({@code Provider.Name}, {@code TimeCreated.SystemTime},
 * {@code Execution.ProcessID}, {@code Security.UserID}, ...). An element with neither text nor
 * attributes (a bare {@code <Correlation/>}) maps to an empty string.
 *
 * <p>{@code data} holds EventData's {@code <Data Name="n">} values under {@code n}; unnamed Data
 * elements are named {@code Data}, {@code Data1}, {@code Data2}, ... in order; other EventData
 * children (e.g. {@code <Binary>}) under their element name. Without EventData, the leaf elements of
 * UserData's child are used, under their element names. Values are strings; an array value is a
 * {@code List<String>}; a name seen twice collects its values in a list. Attributes of the EventData
 * and UserData containers themselves (e.g. a template {@code Name}, {@code xmlns}) are not kept.
 */
final class EventMapper {
    private EventMapper() {
    }

    static RawEvent map(XmlNode.Element event, SourceLocation location) {
        Map<String, Object> system = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        Instant time = null;
        boolean sawEventData = false;
        XmlNode.Element userData = null;
        for (XmlNode node : event.content()) {
            if (!(node instanceof XmlNode.Element)) {
                continue;
            }
            XmlNode.Element section = (XmlNode.Element) node;
            switch (section.name()) {
                case "System":
                    time = system(section, system);
                    break;
                case "EventData":
                    sawEventData = true;
                    eventData(section, data);
                    break;
                case "UserData":
                    userData = section;
                    break;
                default:
                    break;
            }
        }
        if (!sawEventData && userData != null) {
            for (XmlNode child : userData.content()) {
                if (child instanceof XmlNode.Element) {
                    leaves((XmlNode.Element) child, data, 0);
                }
            }
        }
        String provider = text(system.get("Provider.Name"));
        if (provider.isEmpty()) {
            provider = text(system.get("Provider.EventSourceName"));
        }
        return new RawEvent("windows", provider, eventId(text(system.get("EventID"))), time,
                text(system.get("Computer")), system, data, location);
    }

    private static Instant system(XmlNode.Element section, Map<String, Object> system) {
        Instant time = null;
        for (XmlNode node : section.content()) {
            if (!(node instanceof XmlNode.Element)) {
                continue;
            }
            XmlNode.Element element = (XmlNode.Element) node;
            for (XmlNode.Attribute attribute : element.attributes()) {
                if (attribute.name().equals("xmlns")) {
                    continue;
                }
                put(system, element.name() + "." + attribute.name(), value(attribute.value()));
                if (element.name().equals("TimeCreated") && attribute.name().equals("SystemTime")) {
                    time = instant(attribute.value());
                }
            }
            boolean hasText = element.content().stream().anyMatch(n -> !(n instanceof XmlNode.Element));
            if (hasText || element.attributes().isEmpty()) {
                put(system, element.name(), value(element.content()));
            }
        }
        return time;
    }

    private static void eventData(XmlNode.Element section, Map<String, Object> data) {
        int unnamed = 0;
        for (XmlNode node : section.content()) {
            if (!(node instanceof XmlNode.Element)) {
                continue;
            }
            XmlNode.Element element = (XmlNode.Element) node;
            String key = element.name();
            if (key.equals("Data")) {
                String name = null;
                for (XmlNode.Attribute attribute : element.attributes()) {
                    if (attribute.name().equals("Name")) {
                        name = text(value(attribute.value()));
                    }
                }
                if (name == null) {
                    name = unnamed == 0 ? "Data" : "Data" + unnamed;
                    unnamed++;
                }
                key = name;
            }
            put(data, key, value(element.content()));
        }
    }

    private static void leaves(XmlNode.Element element, Map<String, Object> data, int depth) {
        boolean hasChildElements = false;
        for (XmlNode node : element.content()) {
            if (node instanceof XmlNode.Element && depth < BinXmlParser.MAX_ELEMENT_DEPTH) {
                hasChildElements = true;
                leaves((XmlNode.Element) node, data, depth + 1);
            }
        }
        if (!hasChildElements && depth > 0) {
            put(data, element.name(), value(element.content()));
        }
    }

    /** A node list as a value: a string, or a list of strings for a lone array value. */
    private static Object value(List<XmlNode> nodes) {
        if (nodes.size() == 1 && nodes.get(0) instanceof XmlNode.Items) {
            return List.copyOf(((XmlNode.Items) nodes.get(0)).items());
        }
        if (nodes.size() == 1 && nodes.get(0) instanceof XmlNode.Text) {
            return ((XmlNode.Text) nodes.get(0)).text();
        }
        StringBuilder s = new StringBuilder();
        for (XmlNode node : nodes) {
            if (node instanceof XmlNode.Text) {
                s.append(((XmlNode.Text) node).text());
            } else if (node instanceof XmlNode.Time) {
                s.append(((XmlNode.Time) node).text());
            } else if (node instanceof XmlNode.Items) {
                s.append(String.join(",", ((XmlNode.Items) node).items()));
            }
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> map, String key, Object value) {
        Object previous = map.putIfAbsent(key, value);
        if (previous == null) {
            return;
        }
        List<Object> list;
        if (previous instanceof ArrayList) {
            list = (List<Object>) previous;
        } else {
            list = new ArrayList<>();
            list.add(previous);
            map.put(key, list);
        }
        list.add(value);
    }

    private static Instant instant(List<XmlNode> nodes) {
        for (XmlNode node : nodes) {
            if (node instanceof XmlNode.Time) {
                return ((XmlNode.Time) node).instant();
            }
        }
        try {
            return Instant.parse(text(value(nodes)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value instanceof String ? (String) value : value == null ? "" : String.valueOf(value);
    }

    private static int eventId(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
