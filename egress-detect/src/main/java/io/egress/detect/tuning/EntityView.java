package io.egress.detect.tuning;

import io.egress.data.Schema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * KQL expressions that read an entity (process, parent, account, ...) from a rule's result row,
 * whichever Defender table the row came from: a process-event row names its process in
 * {@code FileName} and the parent in {@code InitiatingProcessFileName}; a network-event row names the
 * process in {@code InitiatingProcessFileName}. Only columns the schema has are referenced.
 */
public final class EntityView {
    private final Schema schema;

    public EntityView(Schema schema) {
        this.schema = schema;
    }

    public Optional<String> process() {
        return preferFirst("FileName", "InitiatingProcessFileName");
    }

    public Optional<String> parentProcess() {
        boolean file = has("FileName");
        boolean initiating = has("InitiatingProcessFileName");
        boolean parent = has("InitiatingProcessParentFileName");
        if (file && initiating) {
            return Optional.of("iff(isempty(FileName), " + (parent ? "InitiatingProcessParentFileName" : "\"\"")
                    + ", InitiatingProcessFileName)");
        }
        if (parent) {
            return Optional.of("InitiatingProcessParentFileName");
        }
        return Optional.empty();
    }

    public Optional<String> account() {
        return preferFirst("AccountName", "InitiatingProcessAccountName");
    }

    public Optional<String> device() {
        return preferFirst("DeviceName", "Computer");
    }

    public Optional<String> commandLine() {
        return preferFirst("ProcessCommandLine", "InitiatingProcessCommandLine");
    }

    public Optional<String> remoteIp() {
        return has("RemoteIP") ? Optional.of("RemoteIP") : Optional.empty();
    }

    public Optional<String> remotePort() {
        return has("RemotePort") ? Optional.of("RemotePort") : Optional.empty();
    }

    /** Text searched for host names: the remote URL and the command line, space-separated. */
    public Optional<String> urlText() {
        Optional<String> cmd = commandLine();
        if (has("RemoteUrl") && cmd.isPresent()) {
            return Optional.of("strcat(RemoteUrl, \" \", " + cmd.get() + ")");
        }
        return has("RemoteUrl") ? Optional.of("RemoteUrl") : cmd;
    }

    /** The helper columns ({@code __Process = <expr>}, ...) a tuning query defines before its predicates. */
    public Map<String, String> helperColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        process().ifPresent(e -> out.put("__Process", e));
        parentProcess().ifPresent(e -> out.put("__Parent", e));
        account().ifPresent(e -> out.put("__Account", e));
        device().ifPresent(e -> out.put("__Device", e));
        commandLine().ifPresent(e -> out.put("__CommandLine", e));
        urlText().ifPresent(e -> out.put("__UrlText", e));
        return out;
    }

    private boolean has(String column) {
        return schema.indexOf(column) >= 0;
    }

    private Optional<String> preferFirst(String first, String second) {
        if (has(first) && has(second)) {
            return Optional.of("iff(isempty(" + first + "), " + second + ", " + first + ")");
        }
        if (has(first)) {
            return Optional.of(first);
        }
        return has(second) ? Optional.of(second) : Optional.empty();
    }
}
