package io.egress.telemetry.read;

import io.egress.telemetry.event.RawEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the records of one auditd event (same stamp) into one {@link RawEvent}. Data keys: the SYSCALL
 * fields as written ({@code syscall, success, exit, ppid, pid, auid, uid, comm, exe, key, ...}); ENRICHED
 * names upper-case ({@code UID, AUID, SYSCALL, ...}); {@code syscall_name}; from EXECVE {@code argc},
 * {@code argv} (list) and {@code cmdline} (argv joined by spaces); {@code cwd}; {@code paths} (PATH names);
 * {@code proctitle} (decoded); from SOCKADDR {@code saddr_family} (inet, inet6, local), {@code saddr_addr},
 * {@code saddr_port}, {@code saddr_path}; {@code record_types}; other records' fields where not already set.
 */
public final class AuditdEvents {
    /** Source family name of auditd events. */
    public static final String AUDITD = "auditd";
    private static final Pattern ARG = Pattern.compile("a(\\d+)(?:\\[(\\d+)])?");

    private AuditdEvents() {
    }

    public static RawEvent build(List<AuditdRecord> records, String defaultHost) {
        AuditdRecord first = records.get(0);
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String node = "";
        for (AuditdRecord record : records) {
            types.add(record.type());
            if (node.isEmpty() && !record.node().isEmpty()) {
                node = record.node();
            }
            switch (record.type()) {
                case "EXECVE" -> execve(record.fields(), data);
                case "PATH" -> {
                    String name = record.fields().get("name");
                    if (name != null && !name.equals("(null)")) {
                        paths.add(name);
                    }
                }
                case "SOCKADDR" -> {
                    String saddr = record.fields().get("saddr");
                    data.putIfAbsent("saddr", saddr == null ? "" : saddr);
                    if (saddr != null) {
                        sockaddr(saddr, data);
                    }
                }
                default -> {
                    for (Map.Entry<String, String> field : record.fields().entrySet()) {
                        data.putIfAbsent(field.getKey(), field.getValue());
                    }
                }
            }
            for (Map.Entry<String, String> field : record.enriched().entrySet()) {
                data.putIfAbsent(field.getKey(), field.getValue());
            }
        }
        if (!paths.isEmpty()) {
            data.put("paths", paths);
        }
        if (node.isEmpty() && data.get("node") instanceof String n) {
            node = n;
        }
        Object syscall = data.get("syscall");
        Object enrichedSyscall = data.get("SYSCALL");
        data.put("syscall_name", enrichedSyscall instanceof String s && !s.isEmpty() ? s
                : AuditdSyscalls.name(data.get("arch") instanceof String a ? a : null, syscall instanceof String s2 ? s2 : null));
        data.put("record_types", types);
        data.put("serial", Long.toString(first.serial()));
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("Serial", first.serial());
        system.put("Stamp", first.stamp());
        system.put("RecordTypes", String.join(",", types));
        if (!node.isEmpty()) {
            system.put("node", node);
        }
        String host = node.isEmpty() ? defaultHost : node;
        return new RawEvent(AUDITD, first.type(), 0, first.time(), host == null ? "" : host, system, data, first.location());
    }

    private static void execve(Map<String, String> fields, Map<String, Object> data) {
        TreeMap<Integer, StringBuilder> args = new TreeMap<>();
        TreeMap<Integer, TreeMap<Integer, String>> parts = new TreeMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String key = field.getKey();
            if (key.equals("argc")) {
                data.put("argc", field.getValue());
                continue;
            }
            Matcher m = ARG.matcher(key);
            if (!m.matches()) {
                if (!key.endsWith("_len")) {
                    data.putIfAbsent(key, field.getValue());
                }
                continue;
            }
            int index = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                args.put(index, new StringBuilder(field.getValue()));
            } else {
                parts.computeIfAbsent(index, k -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), field.getValue());
            }
        }
        for (Map.Entry<Integer, TreeMap<Integer, String>> split : parts.entrySet()) {
            StringBuilder joined = new StringBuilder();
            split.getValue().values().forEach(joined::append);
            String value = joined.toString();
            if (AuditdLineParser.isHex(value)) {
                value = new String(AuditdLineParser.hex(value), java.nio.charset.StandardCharsets.UTF_8);
            }
            args.put(split.getKey(), new StringBuilder(value));
        }
        List<String> argv = new ArrayList<>();
        args.values().forEach(a -> argv.add(a.toString()));
        data.put("argv", argv);
        data.put("cmdline", String.join(" ", argv));
    }

    /** Decodes a SOCKADDR {@code saddr} hex blob: family, address and port (or socket path). */
    static void sockaddr(String hex, Map<String, Object> data) {
        if (!AuditdLineParser.isHex(hex) || hex.length() < 4) {
            return;
        }
        byte[] b = AuditdLineParser.hex(hex);
        int family = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        switch (family) {
            case 1 -> {
                data.put("saddr_family", "local");
                int start = 2;
                boolean abstractName = b.length > 2 && b[2] == 0;
                if (abstractName) {
                    start = 3;
                }
                int end = start;
                while (end < b.length && b[end] != 0) {
                    end++;
                }
                String path = new String(b, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
                data.put("saddr_path", abstractName ? "@" + path : path);
            }
            case 2 -> {
                data.put("saddr_family", "inet");
                if (b.length >= 8) {
                    data.put("saddr_port", Integer.toString((b[2] & 0xff) << 8 | (b[3] & 0xff)));
                    data.put("saddr_addr", (b[4] & 0xff) + "." + (b[5] & 0xff) + "." + (b[6] & 0xff) + "." + (b[7] & 0xff));
                }
            }
            case 10 -> {
                data.put("saddr_family", "inet6");
                if (b.length >= 24) {
                    data.put("saddr_port", Integer.toString((b[2] & 0xff) << 8 | (b[3] & 0xff)));
                    byte[] address = java.util.Arrays.copyOfRange(b, 8, 24);
                    try {
                        String text = InetAddress.getByAddress(address).getHostAddress();
                        data.put("saddr_addr", text);
                    } catch (UnknownHostException e) {
                        // 16 bytes always form an address
                    }
                }
            }
            case 16 -> data.put("saddr_family", "netlink");
            default -> data.put("saddr_family", Integer.toString(family));
        }
    }
}
