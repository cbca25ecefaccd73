package io.egress.telemetry.read;

import io.egress.telemetry.event.RawEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups auditd records into events by their {@code audit(...)} stamp. An event is complete at its EOE
 * record, or once a record {@link #WINDOW} serials later has arrived (records of concurrent events
 * interleave, but only briefly), or at the end of the input. At most {@link #MAX_PENDING} events wait.
 */
public final class AuditdAssembler {
    /** How far past an event's serial the stream may go before the event is taken as complete. */
    public static final int WINDOW = 32;
    public static final int MAX_PENDING = 512;
    private static final int MAX_RECORDS_PER_EVENT = 4096;

    private final Consumer<RawEvent> out;
    private final String defaultHost;
    private final LinkedHashMap<String, List<AuditdRecord>> pending = new LinkedHashMap<>();

    public AuditdAssembler(Consumer<RawEvent> out, String defaultHost) {
        this.out = out;
        this.defaultHost = defaultHost;
    }

    public void add(AuditdRecord record) {
        String key = record.node() + "|" + record.stamp();
        if (record.type().equals("EOE")) {
            List<AuditdRecord> done = pending.remove(key);
            if (done != null) {
                emit(done);
            }
            return;
        }
        if (record.type().startsWith("AUOMS_")) {
            emit(List.of(record)); // auoms already merged the event into one record
            return;
        }
        List<AuditdRecord> list = pending.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.size() < MAX_RECORDS_PER_EVENT) {
            list.add(record);
        }
        Iterator<Map.Entry<String, List<AuditdRecord>>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, List<AuditdRecord>> entry = it.next();
            AuditdRecord head = entry.getValue().get(0);
            boolean stale = record.serial() - head.serial() > WINDOW || head.serial() - record.serial() > WINDOW * 1024L;
            if (stale || pending.size() > MAX_PENDING) {
                it.remove();
                emit(entry.getValue());
            } else {
                break;
            }
        }
    }

    /** Emits every waiting event, oldest first. */
    public void finish() {
        List<List<AuditdRecord>> rest = new ArrayList<>(pending.values());
        pending.clear();
        rest.forEach(this::emit);
    }

    private void emit(List<AuditdRecord> records) {
        out.accept(AuditdEvents.build(records, defaultHost));
    }
}
