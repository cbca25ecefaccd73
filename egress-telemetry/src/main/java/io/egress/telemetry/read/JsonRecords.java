package io.egress.telemetry.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egress.telemetry.event.EventSink;
import io.egress.telemetry.event.SourceLocation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one JSON record into events. Recognised shapes: evtx_dump ({@code {"Event":{"System":..,"EventData":..}}}),
 * Winlogbeat / Elastic Agent ({@code winlog.*}), flat exports (NXLog, OTRF: header and EventData keys side by
 * side), Azure Log Analytics {@code WindowsEvent} rows (EventData as a JSON string) and Azure {@code Syslog}
 * rows whose {@code SyslogMessage} holds Sysmon for Linux XML or an auditd / auoms record.
 */
final class JsonRecords {
    /** Flat-export keys that describe the record rather than the event: they go to System. */
    private static final Map<String, String> FLAT_HEADER = Map.ofEntries(
            Map.entry("SourceName", "Provider"), Map.entry("ProviderName", "Provider"), Map.entry("Provider", "Provider"),
            Map.entry("ProviderGuid", "ProviderGuid"), Map.entry("EventID", "EventID"), Map.entry("Channel", "Channel"),
            Map.entry("Hostname", "Computer"), Map.entry("Computer", "Computer"), Map.entry("RecordNumber", "EventRecordID"),
            Map.entry("EventRecordID", "EventRecordID"), Map.entry("ExecutionProcessID", "ProcessID"),
            Map.entry("ThreadID", "ThreadID"), Map.entry("Level", "Level"), Map.entry("Task", "Task"),
            Map.entry("OpcodeValue", "Opcode"), Map.entry("Keywords", "Keywords"), Map.entry("Version", "Version"),
            Map.entry("UserID", "UserID"), Map.entry("Message", "Message"), Map.entry("TimeCreated", "TimeCreated"),
            Map.entry("@timestamp", "@timestamp"), Map.entry("EventTime", "EventTime"));
    private static final Set<String> FLAT_OTHER_HEADER = Set.of(
            "@version", "EventReceivedTime", "host", "port", "tags", "SourceModuleName", "SourceModuleType",
            "Severity", "SeverityValue", "EventType", "Category", "Opcode", "AccountName", "AccountType", "Domain",
            "ERROR_EVT_UNRESOLVED", "TenantId", "SourceSystem", "TimeGenerated", "EventLevel", "EventLevelName",
            "EventOriginId", "ManagementGroupName", "Type", "_ResourceId", "MG");

    private final ObjectMapper mapper;
    private final EventSink sink;
    private final AuditdAssembler assembler;

    JsonRecords(ObjectMapper mapper, EventSink sink) {
        this.mapper = mapper;
        this.sink = sink;
        this.assembler = new AuditdAssembler(sink::event, "");
    }

    void finish() {
        assembler.finish();
    }

    void convert(JsonNode node, SourceLocation location) throws RecordException {
        if (!node.isObject()) {
            throw new RecordException("JSON record is not an object but " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode event = node.get("Event");
        if (event != null && event.isObject() && event.has("System")) {
            sink.event(evtxDump(event, location));
        } else if (node.get("winlog") != null && node.get("winlog").isObject()) {
            sink.event(winlogbeat(node, location));
        } else if (node.path("SyslogMessage").isTextual()) {
            syslogRow(node, location);
        } else if (node.path("EventData").isTextual() && node.path("EventData").textValue().strip().startsWith("{")) {
            sink.event(azureWindowsEvent(node, location));
        } else if (node.has("EventID") || node.has("SourceName") || node.has("ProviderName")) {
            sink.event(flat(node, location));
        } else {
            throw new RecordException("JSON record has no EventID, Event, winlog or SyslogMessage key");
        }
    }

    private io.egress.telemetry.event.RawEvent flat(JsonNode node, SourceLocation location) throws RecordException {
        Map<String, Object> system = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String canonical = FLAT_HEADER.get(key);
            if (canonical != null) {
                if (!system.containsKey(canonical) || key.equals("Hostname")) {
                    system.put(canonical, value(field.getValue()));
                }
            } else if (FLAT_OTHER_HEADER.contains(key)) {
                system.put(key, value(field.getValue()));
            } else {
                data.put(key, value(field.getValue()));
            }
        }
        system.put("TimeCreated", bestTime(system, data));
        return WindowsEvents.build(system, data, location);
    }

    /** {@code @timestamp}, else a zoned TimeCreated, else Sysmon's UtcTime, else a zone-less local time. */
    private static String bestTime(Map<String, Object> system, Map<String, Object> data) {
        String stamp = text(system.get("@timestamp"));
        if (!stamp.isEmpty()) {
            return stamp;
        }
        String created = text(system.get("TimeCreated"));
        if (created.endsWith("Z") || created.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return created;
        }
        String utc = text(data.get("UtcTime"));
        if (!utc.isEmpty()) {
            return utc;
        }
        return created.isEmpty() ? text(system.get("EventTime")) : created;
    }

    private io.egress.telemetry.event.RawEvent winlogbeat(JsonNode node, SourceLocation location) throws RecordException {
        JsonNode winlog = node.get("winlog");
        Map<String, Object> system = new LinkedHashMap<>();
        put(system, "Provider", winlog.path("provider_name"));
        put(system, "ProviderGuid", winlog.path("provider_guid"));
        JsonNode id = winlog.path("event_id");
        put(system, "EventID", id.isMissingNode() ? node.path("event").path("code") : id);
        put(system, "Channel", winlog.path("channel"));
        put(system, "Computer", winlog.path("computer_name"));
        if (!system.containsKey("Computer")) {
            put(system, "Computer", node.path("host").path("name"));
        }
        put(system, "EventRecordID", winlog.path("record_id"));
        put(system, "ProcessID", winlog.path("process").path("pid"));
        put(system, "ThreadID", winlog.path("process").path("thread").path("id"));
        put(system, "Task", winlog.path("task"));
        put(system, "Opcode", winlog.path("opcode"));
        put(system, "Version", winlog.path("version"));
        put(system, "UserID", winlog.path("user").path("identifier"));
        put(system, "TimeCreated", node.path("@timestamp"));
        put(system, "Message", node.path("message"));
        Map<String, Object> data = new LinkedHashMap<>();
        copyObject(winlog.path("event_data"), data);
        copyObject(winlog.path("user_data"), data);
        // ECS fallbacks for pipelines that drop event_data
        putIfMissing(data, "CommandLine", node.path("process").path("command_line"));
        putIfMissing(data, "Image", node.path("process").path("executable"));
        putIfMissing(data, "ProcessId", node.path("process").path("pid"));
        putIfMissing(data, "ParentImage", node.path("process").path("parent").path("executable"));
        putIfMissing(data, "ParentCommandLine", node.path("process").path("parent").path("command_line"));
        putIfMissing(data, "ParentProcessId", node.path("process").path("parent").path("pid"));
        return WindowsEvents.build(system, data, location);
    }

    private io.egress.telemetry.event.RawEvent evtxDump(JsonNode event, SourceLocation location) throws RecordException {
        JsonNode sys = event.get("System");
        Map<String, Object> system = new LinkedHashMap<>();
        put(system, "Provider", sys.path("Provider").path("#attributes").path("Name"));
        put(system, "ProviderGuid", sys.path("Provider").path("#attributes").path("Guid"));
        JsonNode id = sys.path("EventID");
        put(system, "EventID", id.isObject() ? id.path("#text") : id);
        for (String key : List.of("Version", "Level", "Task", "Opcode", "Keywords", "EventRecordID", "Channel", "Computer")) {
            put(system, key, sys.path(key));
        }
        put(system, "TimeCreated", sys.path("TimeCreated").path("#attributes").path("SystemTime"));
        put(system, "ProcessID", sys.path("Execution").path("#attributes").path("ProcessID"));
        put(system, "ThreadID", sys.path("Execution").path("#attributes").path("ThreadID"));
        put(system, "UserID", sys.path("Security").path("#attributes").path("UserID"));
        put(system, "ActivityID", sys.path("Correlation").path("#attributes").path("ActivityID"));
        Map<String, Object> data = new LinkedHashMap<>();
        JsonNode eventData = event.path("EventData");
        if (eventData.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = eventData.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("#attributes")) {
                    continue;
                }
                JsonNode value = field.getValue();
                if (field.getKey().equals("Data") && value.isObject() && value.has("#text")) {
                    value = value.get("#text");
                }
                data.put(field.getKey(), value(value));
            }
        }
        JsonNode userData = event.path("UserData");
        if (userData.isObject()) {
            Iterator<JsonNode> children = userData.elements();
            while (children.hasNext()) {
                copyObject(children.next(), data);
            }
            data.remove("#attributes");
        }
        return WindowsEvents.build(system, data, location);
    }

    private io.egress.telemetry.event.RawEvent azureWindowsEvent(JsonNode node, SourceLocation location) throws RecordException {
        Map<String, Object> system = new LinkedHashMap<>();
        put(system, "Provider", node.path("Provider"));
        put(system, "EventID", node.path("EventID"));
        put(system, "Channel", node.path("Channel"));
        put(system, "Computer", node.path("Computer"));
        put(system, "Task", node.path("Task"));
        put(system, "Level", node.path("EventLevel"));
        put(system, "TimeCreated", node.path("TimeGenerated"));
        put(system, "EventOriginId", node.path("EventOriginId"));
        put(system, "Type", node.path("Type"));
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            copyObject(mapper.readTree(node.get("EventData").textValue()), data);
        } catch (java.io.IOException e) {
            throw new RecordException("EventData string is not valid JSON: " + firstLine(e.getMessage()));
        }
        return WindowsEvents.build(system, data, location);
    }

    private void syslogRow(JsonNode node, SourceLocation location) throws RecordException {
        String message = node.get("SyslogMessage").textValue();
        int xml = message.indexOf("<Event");
        if (xml >= 0) {
            int end = message.lastIndexOf("</Event>");
            sink.event(XmlEventParser.parseLenient(message.substring(xml, end < xml ? message.length() : end + 8), location));
            return;
        }
        int audit = AuditdLineParser.recordStart(message);
        if (audit < 0) {
            return; // an ordinary syslog message: not telemetry these mappings use
        }
        AuditdRecord record = AuditdLineParser.parse(message.substring(audit), location);
        if (record.node().isEmpty()) {
            String host = text(value(node.path("Computer")));
            record = new AuditdRecord(record.type(), host, record.stamp(), record.time(), record.serial(),
                    record.fields(), record.enriched(), record.location());
        }
        assembler.add(record);
    }

    private static void put(Map<String, Object> map, String key, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            map.put(key, value(value));
        }
    }

    private static void putIfMissing(Map<String, Object> map, String key, JsonNode value) {
        if (!map.containsKey(key)) {
            put(map, key, value);
        }
    }

    private static void copyObject(JsonNode object, Map<String, Object> into) {
        if (object != null && object.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                into.put(field.getKey(), value(field.getValue()));
            }
        }
    }

    /** JSON scalars become strings (the mapping converts by column type); arrays and objects become List and Map. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(value(element)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            copyObject(node, map);
            return map;
        }
        return node.asText();
    }

    static String text(Object value) {
        return value instanceof String s ? s : value == null ? "" : value.toString();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
