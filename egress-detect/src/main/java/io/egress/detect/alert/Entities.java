package io.egress.detect.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/** The entities of an alert; each is null when the row does not have it. */
public record Entities(String host, String account, String process, String commandLine, String remoteIp,
                       Integer remotePort, String url) {
    public static final Entities NONE = new Entities(null, null, null, null, null, null, null);

    /** The present entities by JSON name, in a fixed order. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "host", host);
        put(out, "account", account);
        put(out, "process", process);
        put(out, "commandLine", commandLine);
        put(out, "remoteIp", remoteIp);
        put(out, "remotePort", remotePort);
        put(out, "url", url);
        return out;
    }

    private static void put(Map<String, Object> out, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            out.put(key, value);
        }
    }
}
