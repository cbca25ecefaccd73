package io.egress.detect.tuning;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.RuleProblem;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code tuning.yaml} (format in docs/tuning.md). Every exclusion needs an {@code id}, a
 * {@code reason} and at least one condition; a bad entry is reported with its position and skipped.
 */
public final class TuningLoader {
    private static final YAMLMapper MAPPER = new YAMLMapper();
    private static final Set<String> KEYS = Set.of("id", "rule", "branch", "reason", "expires", "account", "device",
            "process", "parentProcess", "remoteIp", "domain", "port", "commandLine");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    public Tuning read(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        JsonNode root;
        List<FilePosition> positions;
        try {
            root = MAPPER.readTree(text);
            positions = itemPositions(file, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            FilePosition where = new FilePosition(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr());
            return new Tuning(file, List.of(), List.of(problem(where, "TUNE001", "invalid YAML: " + e.getOriginalMessage(), "", text)));
        } catch (IOException e) {
            return new Tuning(file, List.of(), List.of(problem(new FilePosition(file, 1, 1), "TUNE001", e.getMessage(), "", text)));
        }
        if (root == null || !root.path("exclusions").isArray()) {
            return new Tuning(file, List.of(), List.of(problem(new FilePosition(file, 1, 1), "TUNE002",
                    "a tuning file needs a top-level 'exclusions:' list", "see docs/tuning.md", text)));
        }
        List<Exclusion> exclusions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int index = 0;
        for (JsonNode item : root.path("exclusions")) {
            FilePosition at = index < positions.size() ? positions.get(index) : new FilePosition(file, 1, 1);
            index++;
            List<RuleProblem> own = new ArrayList<>();
            Exclusion exclusion = exclusion(item, at, own, text);
            if (exclusion != null && !ids.add(exclusion.id())) {
                own.add(problem(at, "TUNE003", "duplicate exclusion id '" + exclusion.id() + "'", "ids must be unique", text));
            }
            if (own.isEmpty() && exclusion != null) {
                exclusions.add(exclusion);
            }
            problems.addAll(own);
        }
        return new Tuning(file, exclusions, problems);
    }

    private Exclusion exclusion(JsonNode item, FilePosition at, List<RuleProblem> problems, String text) {
        if (!item.isObject()) {
            problems.add(problem(at, "TUNE002", "an exclusion must be a mapping", "", text));
            return null;
        }
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                problems.add(problem(at, "TUNE004", "unknown exclusion key '" + key + "'",
                        "known keys: " + String.join(", ", KEYS.stream().sorted().toList()), text));
            }
        }
        String id = item.path("id").asText("");
        String reason = item.path("reason").asText("");
        if (id.isBlank()) {
            problems.add(problem(at, "TUNE005", "exclusion without an 'id'", "give each exclusion a short unique id", text));
        }
        if (reason.isBlank()) {
            problems.add(problem(at, "TUNE005", "exclusion '" + id + "' has no 'reason'", "say why the activity is benign", text));
        }
        LocalDate expires = null;
        if (item.hasNonNull("expires")) {
            try {
                expires = LocalDate.parse(item.get("expires").asText().strip());
            } catch (DateTimeParseException e) {
                problems.add(problem(at, "TUNE006", "cannot read expires '" + item.get("expires").asText() + "'",
                        "write a date as YYYY-MM-DD", text));
            }
        }
        List<Condition> conditions = new ArrayList<>();
        addStrings(item, "account", conditions, Condition.Account::new);
        addStrings(item, "device", conditions, Condition.Device::new);
        addStrings(item, "process", conditions, Condition.Process::new);
        addStrings(item, "parentProcess", conditions, Condition.ParentProcess::new);
        List<String> ips = strings(item.path("remoteIp"));
        for (String ip : ips) {
            if (!validIpv4(ip)) {
                problems.add(problem(at, "TUNE007", "'" + ip + "' is not an IPv4 address or CIDR range", "e.g. 10.0.0.0/8", text));
            }
        }
        if (!ips.isEmpty()) {
            conditions.add(new Condition.RemoteIp(ips));
        }
        List<String> domains = strings(item.path("domain"));
        for (String domain : domains) {
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(problem(at, "TUNE007", "'" + domain + "' is not a host name", "e.g. nexus.corp.example.com", text));
            }
        }
        if (!domains.isEmpty()) {
            conditions.add(new Condition.Domain(domains));
        }
        List<Integer> ports = new ArrayList<>();
        for (String port : strings(item.path("port"))) {
            if (port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535) {
                ports.add(Integer.parseInt(port));
            } else {
                problems.add(problem(at, "TUNE007", "'" + port + "' is not a port number", "", text));
            }
        }
        if (!ports.isEmpty()) {
            conditions.add(new Condition.Port(ports));
        }
        JsonNode commandLine = item.path("commandLine");
        if (!commandLine.isMissingNode()) {
            if (commandLine.isTextual() || commandLine.isArray()) {
                conditions.add(new Condition.CommandLine(Condition.CommandLine.Mode.CONTAINS, strings(commandLine)));
            } else {
                for (Condition.CommandLine.Mode mode : Condition.CommandLine.Mode.values()) {
                    List<String> values = strings(commandLine.path(mode.name().toLowerCase(java.util.Locale.ROOT)));
                    if (!values.isEmpty()) {
                        conditions.add(new Condition.CommandLine(mode, values));
                    }
                }
                commandLine.fieldNames().forEachRemaining(key -> {
                    if (!Set.of("contains", "has", "regex").contains(key)) {
                        problems.add(problem(at, "TUNE004", "unknown commandLine test '" + key + "'", "use contains, has or regex", text));
                    }
                });
                for (String regex : strings(commandLine.path("regex"))) {
                    try {
                        com.google.re2j.Pattern.compile(regex);
                    } catch (RuntimeException e) {
                        problems.add(problem(at, "TUNE008", "bad regex '" + regex + "': " + e.getMessage(), "RE2 syntax", text));
                    }
                }
            }
        }
        if (conditions.isEmpty()) {
            problems.add(problem(at, "TUNE009", "exclusion '" + id + "' has no condition and would hide every row",
                    "add account, device, process, parentProcess, remoteIp, domain, port or commandLine", text));
        }
        String rule = item.hasNonNull("rule") ? item.get("rule").asText() : null;
        String branch = item.hasNonNull("branch") ? item.get("branch").asText() : null;
        return new Exclusion(id, rule, branch, reason, expires, conditions, at);
    }

    private static void addStrings(JsonNode item, String key, List<Condition> out,
                                   java.util.function.Function<List<String>, Condition> make) {
        List<String> values = strings(item.path(key));
        if (!values.isEmpty()) {
            out.add(make.apply(values));
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    static boolean validIpv4(String text) {
        var m = IPV4.matcher(text.strip());
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return m.group(6) == null || Integer.parseInt(m.group(6)) <= 32;
    }

    /** The position of each item of the top-level {@code exclusions} list. */
    private static List<FilePosition> itemPositions(String file, String text) throws IOException {
        List<FilePosition> out = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            int depth = 0;
            boolean inExclusions = false;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && depth == 1) {
                    inExclusions = parser.currentName().equals("exclusions");
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (inExclusions && depth == 2 && token == JsonToken.START_OBJECT) {
                        JsonLocation at = parser.currentTokenLocation();
                        out.add(new FilePosition(file, at.getLineNr(), at.getColumnNr()));
                    }
                    depth++;
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        }
        return out;
    }

    private static RuleProblem problem(FilePosition at, String code, String message, String hint, String text) {
        String[] lines = text.split("\n", -1);
        String line = at.line() >= 1 && at.line() <= lines.length ? lines[at.line() - 1] : "";
        return new RuleProblem(at, code, message, hint, line);
    }
}
