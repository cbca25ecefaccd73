package io.egress.telemetry.read;

import io.egress.telemetry.event.SourceLocation;
import java.time.Instant;
import java.util.Map;

/**
 * One auditd record (one line): its type, the event stamp {@code audit(SECONDS.MILLIS:SERIAL)}, the
 * {@code node=} prefix if any, its fields (hex-encoded values already decoded where auditd encodes them)
 * and, in ENRICHED format, the interpreted fields after the {@code 0x1d} separator (upper-case names).
 */
public record AuditdRecord(
        String type,
        String node,
        String stamp,
        Instant time,
        long serial,
        Map<String, String> fields,
        Map<String, String> enriched,
        SourceLocation location) {
}
