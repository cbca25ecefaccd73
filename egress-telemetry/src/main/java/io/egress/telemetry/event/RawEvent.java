package io.egress.telemetry.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One decoded telemetry record, before normalization: what the source said, in the source's own
 * field names.
 *
 * @param source    the source family: {@code "windows"} for Windows event log records (EVTX, XML, JSON
 *                  renderings of them), {@code "auditd"}, {@code "defender"} for Advanced Hunting rows
 * @param provider  the event provider or channel, e.g. {@code Microsoft-Windows-Sysmon},
 *                  {@code Microsoft-Windows-Security-Auditing}, {@code Microsoft-Windows-PowerShell};
 *                  for auditd the record type of the event's first record; for defender the table name
 * @param eventId   the Windows EventID, or 0 where the source has none
 * @param time      the event time (UTC), null when the record carried none
 * @param host      the computer / hostname, empty when unknown
 * @param system    the System section fields (Windows) or event-level fields, in source order; values are
 *                  strings, numbers, or nested maps/lists as decoded
 * @param data      the EventData / UserData fields, or the auditd fields merged across the event's
 *                  records, in source order
 * @param location  where in which file the record was found
 */
public record RawEvent(
        String source,
        String provider,
        int eventId,
        Instant time,
        String host,
        Map<String, Object> system,
        Map<String, Object> data,
        SourceLocation location) {
    public RawEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(location, "location");
    }
}
