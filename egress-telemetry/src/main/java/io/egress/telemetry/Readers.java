package io.egress.telemetry;

import io.egress.telemetry.evtx.EvtxReader;
import io.egress.telemetry.read.AuditdReader;
import io.egress.telemetry.read.JsonEventReader;
import io.egress.telemetry.read.SyslogReader;
import io.egress.telemetry.read.TelemetryReader;
import io.egress.telemetry.read.WindowsXmlReader;
import java.util.List;
import java.util.Optional;

/**
 * The readers format detection tries, in order: the first whose {@code accepts} holds reads the input.
 * Defender Advanced Hunting exports are recognised before these (see {@link DefenderExports}): their rows
 * are tables already, not events.
 */
public final class Readers {
    private static final List<TelemetryReader> ALL = List.of(
            new EvtxReader(),
            JsonEventReader.azureSyslogJson(),
            JsonEventReader.windowsJson(),
            new WindowsXmlReader(),
            new AuditdReader(),
            new SyslogReader());

    private Readers() {
    }

    public static List<TelemetryReader> all() {
        return ALL;
    }

    /** The reader for a file whose first bytes are {@code head}. */
    public static Optional<TelemetryReader> detect(byte[] head, int length) {
        for (TelemetryReader reader : ALL) {
            if (reader.accepts(head, length)) {
                return Optional.of(reader);
            }
        }
        return Optional.empty();
    }

    public static Optional<TelemetryReader> byFormat(String format) {
        return ALL.stream().filter(r -> r.format().equals(format)).findFirst();
    }
}
