package io.egress.detect.tuning;

import java.util.List;
import java.util.Objects;

/**
 * One test of an exclusion; an exclusion hides a row when all its conditions hold. A condition holds
 * when any of its values matches.
 */
public sealed interface Condition {
    /** The tuning.yaml key. */
    String key();

    List<?> values();

    /** The account that ran the process (name, case-insensitive; a {@code DOMAIN\} prefix is ignored). */
    record Account(List<String> values) implements Condition {
        public Account { values = List.copyOf(values); }
        public String key() { return "account"; }
    }

    /** The device name, or its first DNS label ({@code ws01} matches {@code ws01.corp.example.com}). */
    record Device(List<String> values) implements Condition {
        public Device { values = List.copyOf(values); }
        public String key() { return "device"; }
    }

    /** The process image name (the created process; for network rows, the initiating process). */
    record Process(List<String> values) implements Condition {
        public Process { values = List.copyOf(values); }
        public String key() { return "process"; }
    }

    /** The parent of {@link Process}. */
    record ParentProcess(List<String> values) implements Condition {
        public ParentProcess { values = List.copyOf(values); }
        public String key() { return "parentProcess"; }
    }

    /** The remote address: an IPv4 address or CIDR range. */
    record RemoteIp(List<String> values) implements Condition {
        public RemoteIp { values = List.copyOf(values); }
        public String key() { return "remoteIp"; }
    }

    /** A host name (or any subdomain of it) in the remote URL or in a URL of the command line. */
    record Domain(List<String> values) implements Condition {
        public Domain { values = List.copyOf(values); }
        public String key() { return "domain"; }
    }

    /** The remote port. */
    record Port(List<Integer> values) implements Condition {
        public Port { values = List.copyOf(values); }
        public String key() { return "port"; }
    }

    /** A command-line test: {@code contains} (substring), {@code has} (KQL term) or {@code regex} (RE2). */
    record CommandLine(Mode mode, List<String> values) implements Condition {
        public CommandLine {
            Objects.requireNonNull(mode, "mode");
            values = List.copyOf(values);
        }

        public String key() { return "commandLine." + mode.name().toLowerCase(java.util.Locale.ROOT); }

        /** How the command line is searched. */
        public enum Mode { CONTAINS, HAS, REGEX }
    }
}
