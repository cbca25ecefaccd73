package io.egress.telemetry.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers recently created processes per host and pid (bounded, least recently used first out), so a
 * later event can name its parent: auditd gives only {@code ppid}, 4688 only the creator's pid.
 */
public final class ProcessTracker {
    private static final int CAPACITY = 8192;

    private final Map<String, Map<String, Object>> byKey = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > CAPACITY;
        }
    };

    public void remember(String host, Object pid, Map<String, Object> facts) {
        String key = key(host, pid);
        if (key != null) {
            byKey.put(key, facts);
        }
    }

    public Object recall(String host, Object pid, String fact) {
        String key = key(host, pid);
        Map<String, Object> facts = key == null ? null : byKey.get(key);
        return facts == null ? null : facts.get(fact);
    }

    private static String key(String host, Object pid) {
        Long number = Values.toLong(pid);
        return number == null ? null : host.toLowerCase(java.util.Locale.ROOT) + "|" + number;
    }
}
