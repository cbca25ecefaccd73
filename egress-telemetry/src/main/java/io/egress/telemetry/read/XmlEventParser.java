package io.egress.telemetry.read;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decodes one Windows event XML element ({@code <Event xmlns=...><System>...</System><EventData>...}) as
 * {@code wevtutil}, Event Viewer, EVTX renderers and Sysmon for Linux write it. The parser is XXE-safe:
 * DTDs and external entities are off, so an entity reference is an error, never a fetch.
 */
public final class XmlEventParser {
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlEventParser() {
    }

    private static XMLInputFactory newFactory() {
        // Woodstox, named rather than found through the service loader: the reader must not change with
        // the class path. It makes a reader per event several times faster than the JDK's parser.
        XMLInputFactory factory = new com.ctc.wstx.stax.WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static final java.util.regex.Pattern BARE_ENTITY =
            java.util.regex.Pattern.compile("&(lt|gt|amp|quot|apos)(?![;a-zA-Z])");

    /**
     * Parses {@code xml}; when that fails, repairs two damages real Sysmon for Linux output shows and tries
     * again: entities without their semicolon ({@code &lt unknown process&gt }) and an event cut off by
     * syslog's message size limit (kept up to its last complete {@code <Data>}, and marked with the data
     * field {@code _truncated = true}). The original error is reported when the repair does not help.
     */
    public static RawEvent parseLenient(String xml, SourceLocation location) throws RecordException {
        try {
            return parse(xml, location);
        } catch (RecordException original) {
            String repaired = BARE_ENTITY.matcher(xml).replaceAll("&$1;");
            boolean truncated = false;
            if (!repaired.stripTrailing().endsWith("</Event>")) {
                int data = repaired.lastIndexOf("</Data>");
                int system = repaired.lastIndexOf("</System>");
                if (data > system && system > 0) {
                    repaired = repaired.substring(0, data + 7) + "</EventData></Event>";
                } else if (system > 0) {
                    repaired = repaired.substring(0, system + 9) + "</Event>";
                } else {
                    throw original;
                }
                truncated = true;
            }
            if (repaired.equals(xml)) {
                throw original;
            }
            RawEvent event;
            try {
                event = parse(repaired, location);
            } catch (RecordException again) {
                throw original;
            }
            if (truncated) {
                event.data().put("_truncated", "true");
            }
            return event;
        }
    }

    /** Parses {@code xml}, which must hold exactly one Event element. */
    public static RawEvent parse(String xml, SourceLocation location) throws RecordException {
        Map<String, Object> system = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            String section = null;      // System, EventData, UserData, RenderingInfo
            String dataName = null;     // Name attribute of the current Data element
            String leaf = null;         // current element local name
            String userDataPrefix = null;
            int unnamed = 0;
            StringBuilder text = new StringBuilder();
            boolean sawEvent = false;
            while (reader.hasNext()) {
                int kind = reader.next();
                switch (kind) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > Limits.MAX_DEPTH) {
                            throw new RecordException("XML nested deeper than " + Limits.MAX_DEPTH + " elements");
                        }
                        String name = reader.getLocalName();
                        text.setLength(0);
                        leaf = name;
                        if (depth == 1) {
                            if (!name.equals("Event")) {
                                throw new RecordException("expected <Event> but found <" + name + ">");
                            }
                            sawEvent = true;
                        } else if (depth == 2) {
                            section = name;
                        } else if (depth == 3 && "System".equals(section)) {
                            systemAttributes(reader, name, system);
                        } else if (depth == 3 && "EventData".equals(section)) {
                            dataName = reader.getAttributeValue(null, "Name");
                            if (dataName == null || dataName.isEmpty()) {
                                unnamed++;
                                dataName = name.equals("Data") ? (unnamed == 1 ? "Data" : "Data_" + unnamed) : name;
                            }
                        } else if (depth == 3 && "UserData".equals(section)) {
                            userDataPrefix = name;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (text.length() + reader.getTextLength() > Limits.MAX_XML_EVENT_CHARS) {
                            throw new RecordException("XML text larger than " + Limits.MAX_XML_EVENT_CHARS + " characters");
                        }
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new RecordException("entity reference &" + reader.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.DTD -> throw new RecordException("DTD is not allowed in an event");
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = reader.getLocalName();
                        if (depth == 3 && "System".equals(section) && name.equals(leaf)) {
                            String value = text.toString().strip();
                            if (!value.isEmpty()) {
                                system.put(name, value);
                            }
                        } else if (depth == 3 && "EventData".equals(section) && dataName != null) {
                            data.put(dataName, text.toString());
                            dataName = null;
                        } else if (depth == 4 && "UserData".equals(section) && name.equals(leaf)) {
                            data.put(name, text.toString());
                        } else if (depth == 3 && "RenderingInfo".equals(section) && name.equals("Message")) {
                            system.put("Message", text.toString());
                        }
                        if (depth == 2) {
                            section = null;
                        }
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            if (!sawEvent) {
                throw new RecordException("no <Event> element");
            }
            if (userDataPrefix != null) {
                system.put("UserDataElement", userDataPrefix);
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? "bad XML" : e.getMessage();
            int cut = message.indexOf("\nMessage: ");
            throw new RecordException("bad XML: " + (cut >= 0 ? message.substring(cut + 10) : message).strip());
        } catch (RuntimeException e) {
            throw new RecordException("bad XML: " + e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
        return WindowsEvents.build(system, data, location);
    }

    private static void systemAttributes(XMLStreamReader reader, String element, Map<String, Object> system) {
        switch (element) {
            case "Provider" -> {
                putAttribute(reader, "Name", "Provider", system);
                putAttribute(reader, "Guid", "ProviderGuid", system);
                putAttribute(reader, "EventSourceName", "EventSourceName", system);
            }
            case "TimeCreated" -> putAttribute(reader, "SystemTime", "TimeCreated", system);
            case "Execution" -> {
                putAttribute(reader, "ProcessID", "ProcessID", system);
                putAttribute(reader, "ThreadID", "ThreadID", system);
            }
            case "Security" -> {
                putAttribute(reader, "UserID", "UserID", system);
                putAttribute(reader, "UserId", "UserID", system);
            }
            case "Correlation" -> {
                putAttribute(reader, "ActivityID", "ActivityID", system);
                putAttribute(reader, "RelatedActivityID", "RelatedActivityID", system);
            }
            case "EventID" -> putAttribute(reader, "Qualifiers", "Qualifiers", system);
            default -> {
            }
        }
    }

    private static void putAttribute(XMLStreamReader reader, String attribute, String key, Map<String, Object> system) {
        String value = reader.getAttributeValue(null, attribute);
        if (value != null) {
            system.put(key, value);
        }
    }
}
