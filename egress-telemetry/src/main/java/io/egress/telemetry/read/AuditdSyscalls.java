package io.egress.telemetry.read;

import java.util.Map;

/** Syscall numbers auditd writes, by audit arch, for the calls the mappings use. A code table, on purpose small. */
public final class AuditdSyscalls {
    private static final Map<String, Map<Integer, String>> BY_ARCH = Map.of(
            "c000003e", Map.ofEntries( // x86_64
                    Map.entry(59, "execve"), Map.entry(322, "execveat"), Map.entry(42, "connect"),
                    Map.entry(43, "accept"), Map.entry(288, "accept4"), Map.entry(49, "bind"),
                    Map.entry(41, "socket"), Map.entry(44, "sendto"), Map.entry(2, "open"),
                    Map.entry(257, "openat"), Map.entry(85, "creat"), Map.entry(87, "unlink"),
                    Map.entry(263, "unlinkat"), Map.entry(82, "rename"), Map.entry(316, "renameat2"),
                    Map.entry(56, "clone"), Map.entry(57, "fork"), Map.entry(58, "vfork"), Map.entry(62, "kill")),
            "c00000b7", Map.ofEntries( // aarch64
                    Map.entry(221, "execve"), Map.entry(281, "execveat"), Map.entry(203, "connect"),
                    Map.entry(202, "accept"), Map.entry(242, "accept4"), Map.entry(200, "bind"),
                    Map.entry(198, "socket"), Map.entry(206, "sendto"), Map.entry(56, "openat"),
                    Map.entry(35, "unlinkat"), Map.entry(220, "clone")),
            "40000003", Map.ofEntries( // i386
                    Map.entry(11, "execve"), Map.entry(358, "execveat"), Map.entry(362, "connect"),
                    Map.entry(102, "socketcall"), Map.entry(5, "open"), Map.entry(295, "openat"),
                    Map.entry(8, "creat"), Map.entry(10, "unlink"), Map.entry(120, "clone"), Map.entry(2, "fork")));

    private AuditdSyscalls() {
    }

    /** The syscall name for {@code arch} (hex, as auditd writes it) and {@code syscall} (number or name). */
    public static String name(String arch, String syscall) {
        if (syscall == null || syscall.isEmpty()) {
            return "";
        }
        if (!Character.isDigit(syscall.charAt(0))) {
            return syscall;
        }
        String archKey = arch == null ? "c000003e" : switch (arch.toLowerCase(java.util.Locale.ROOT)) {
            case "x86_64" -> "c000003e";
            case "aarch64" -> "c00000b7";
            case "i386", "i686" -> "40000003";
            default -> arch.toLowerCase(java.util.Locale.ROOT);
        };
        Map<Integer, String> table = BY_ARCH.get(archKey);
        try {
            String name = table == null ? null : table.get(Integer.parseInt(syscall));
            return name == null ? syscall : name;
        } catch (NumberFormatException e) {
            return syscall;
        }
    }
}
