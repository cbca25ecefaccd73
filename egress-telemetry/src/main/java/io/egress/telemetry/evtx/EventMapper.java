package io.egress.telemetry.evtx;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import io.egress.telemetry.read.RecordException;
import io.egress.telemetry.read.WindowsEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a decoded {@code <Event>} tree into a {@link RawEvent} with the same keys every Windows reader
 * uses (see {@link WindowsEvents}), so that one set of mappings serves EVTX, XML and JSON input.
 *
 * <p>{@code system}: the text of each System child under its own name ({@code EventID}, {@code Version},
 * {@code Level}, {@code Task}, {@code Opcode}, {@code Keywords}, {@code EventRecordID}, {@code Channel},
 * {@code Computer}; empty ones left out), and the attributes under the canonical names:
 * {@code Provider} (Provider@Name), {@code ProviderGuid}, {@code EventSourceName}, {@code TimeCreated}
 * (@SystemTime), {@code ProcessID}, {@code ThreadID}, {@code UserID}, {@code ActivityID},
 * {@code RelatedActivityID}, {@code Qualifiers}; any other attribute under its own name. With UserData,
 * {@code UserDataElement} names UserData's child.
 *
 * <p>{@code data}: EventData's {@code <Data Name="n">} values under {@code n}; unnamed Data elements
 * as {@code Data}, {@code Data_2}, {@code Data_3}, ...; other EventData children (e.g. {@code Binary})
 * under their element name. Without EventData, the leaf elements under UserData's child. Values are
 * strings; an array value is a {@code List<String>}; a name seen twice collects its values in a list.
 *
 * <p>{@code time} is TimeCreated at FILETIME's full 100 ns precision (its text shows microseconds).
 */
final class EventMapper {
    private EventMapper() {
    }

    static RawEvent map(XmlNode.Element event, SourceLocation location) throws RecordException {
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
                case "RenderingInfo":
                    for (XmlNode child : section.content()) {
                        if (child instanceof XmlNode.Element && ((XmlNode.Element) child).name().equals("Message")) {
                            system.put("Message", value(((XmlNode.Element) child).content()));
                        }
                    }
                    break;
                default:
                    break;
            }
        }
        if (userData != null) {
            for (XmlNode child : userData.content()) {
                if (child instanceof XmlNode.Element) {
                    system.putIfAbsent("UserDataElement", ((XmlNode.Element) child).name());
                    if (!sawEventData) {
                        leaves((XmlNode.Element) child, data, 0);
                    }
                }
            }
        }
        RawEvent built = WindowsEvents.build(system, data, location);
        if (time == null || built.time() == null) {
            return built;
        }
        return new RawEvent(built.source(), built.provider(), built.eventId(), time, built.host(),
                built.system(), built.data(), built.location());
    }

    private static Instant system(XmlNode.Element section, Map<String, Object> system) {
        Instant time = null;
        for (XmlNode node : section.content()) {
            if (!(node instanceof XmlNode.Element)) {
                continue;
            }
            XmlNode.Element element = (XmlNode.Element) node;
            for (XmlNode.Attribute attribute : element.attributes()) {
                String key = systemKey(element.name(), attribute.name());
                if (key == null) {
                    continue;
                }
                system.putIfAbsent(key, value(attribute.value()));
                if (key.equals("TimeCreated")) {
                    time = instant(attribute.value());
                }
            }
            Object text = value(element.content());
            if (!(text instanceof String) || !((String) text).isBlank()) {
                system.put(element.name(), text instanceof String ? ((String) text).strip() : text);
            }
        }
        return time;
    }

    /** The canonical System key of an attribute, or null for namespace declarations. */
    private static String systemKey(String element, String attribute) {
        if (attribute.equals("xmlns") || attribute.startsWith("xmlns:")) {
            return null;
        }
        switch (element + "@" + attribute) {
            case "Provider@Name": return "Provider";
            case "Provider@Guid": return "ProviderGuid";
            case "TimeCreated@SystemTime": return "TimeCreated";
            case "Security@UserId": return "UserID";
            default: return attribute;
        }
    }

    private static void eventData(XmlNode.Element section, Map<String, Object> data) {
        int unnamed = 0;
        for (XmlNode node : section.content()) {
            if (!(node instanceof XmlNode.Element)) {
                continue;
            }
            XmlNode.Element element = (XmlNode.Element) node;
            String key = null;
            for (XmlNode.Attribute attribute : element.attributes()) {
                if (attribute.name().equals("Name")) {
                    key = text(value(attribute.value()));
                }
            }
            if (key == null || key.isEmpty()) {
                unnamed++;
                key = !element.name().equals("Data") ? element.name() : unnamed == 1 ? "Data" : "Data_" + unnamed;
            }
            put(data, key, value(element.content()));
        }
    }

    private static void leaves(XmlNode.Element element, Map<String, Object> data, int depth) {
        for (XmlNode node : element.content()) {
            if (node instanceof XmlNode.Element && depth < BinXmlParser.MAX_ELEMENT_DEPTH) {
                XmlNode.Element child = (XmlNode.Element) node;
                if (child.content().stream().anyMatch(XmlNode.Element.class::isInstance)) {
                    leaves(child, data, depth + 1);
                } else {
                    put(data, child.name(), value(child.content()));
                }
            }
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
        return null;
    }

    private static String text(Object value) {
        return value instanceof String ? (String) value : value == null ? "" : String.valueOf(value);
    }
}
