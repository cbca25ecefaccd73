package io.egress.telemetry.read;

import io.egress.telemetry.event.RawEvent;
import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.util.Map;

/**
 * Builds a {@link RawEvent} from a Windows-event-shaped record. Every Windows reader first brings the
 * header into the canonical System keys: {@code Provider, ProviderGuid, EventID, Version, Level, Task,
 * Opcode, Keywords, TimeCreated, EventRecordID, ActivityID, ProcessID, ThreadID, Channel, Computer, UserID}.
 */
public final class WindowsEvents {
    /** Source family of Windows event log records. */
    public static final String WINDOWS = "windows";
    /** Source family of Sysmon for Linux records (Windows event XML written to syslog). */
    public static final String LINUX_SYSMON = "linux-sysmon";

    private WindowsEvents() {
    }

    public static RawEvent build(Map<String, Object> system, Map<String, Object> data, SourceLocation location)
            throws RecordException {
        String provider = text(system.get("Provider"));
        if (provider.isEmpty()) {
            provider = providerOfChannel(text(system.get("Channel")));
            if (!provider.isEmpty()) {
                system.put("Provider", provider);
            }
        }
        String id = text(system.get("EventID"));
        int eventId;
        try {
            eventId = id.isEmpty() ? 0 : Integer.parseInt(id.strip());
        } catch (NumberFormatException e) {
            throw new RecordException("EventID is not a number: " + abbreviate(id));
        }
        if (id.isEmpty() && provider.isEmpty()) {
            throw new RecordException("record has neither an EventID nor a provider");
        }
        Instant time = EventTimes.parse(text(system.get("TimeCreated")));
        String host = text(system.get("Computer"));
        String source = provider.equalsIgnoreCase("Linux-Sysmon") ? LINUX_SYSMON : WINDOWS;
        return new RawEvent(source, provider, eventId, time, host, system, data, location);
    }

    /** Some exports keep only the channel: the provider that writes it (Security → ...-Security-Auditing). */
    static String providerOfChannel(String channel) {
        String lower = channel.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("security")) {
            return "Microsoft-Windows-Security-Auditing";
        }
        if (lower.equals("system") || lower.equals("application") || lower.isEmpty()) {
            return channel;
        }
        if (lower.equals("windows powershell")) {
            return "PowerShell";
        }
        int slash = channel.indexOf('/');
        return slash > 0 ? channel.substring(0, slash) : channel;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
