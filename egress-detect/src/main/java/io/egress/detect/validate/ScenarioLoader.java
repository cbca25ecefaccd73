package io.egress.detect.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.RuleProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds scenario folders (any folder holding an {@code expect.yaml}) and reads their expectations (format: docs/validate.md). */
public final class ScenarioLoader {
    public static final String EXPECT = "expect.yaml";
    private static final YAMLMapper MAPPER = new YAMLMapper();

    /** The scenarios under {@code root}, by folder name, and the problems of unreadable {@code expect.yaml}s. */
    public record Loaded(List<Scenario> scenarios, List<RuleProblem> problems) {
    }

    public Loaded load(Path root) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<Path> expects;
        try (Stream<Path> walk = Files.walk(root)) {
            expects = walk.filter(p -> p.getFileName().toString().equals(EXPECT)).sorted().toList();
        }
        for (Path expect : expects) {
            try {
                scenarios.add(read(expect));
            } catch (ScenarioException e) {
                problems.add(new RuleProblem(new FilePosition(expect.toString(), e.line, 1), "VAL001", e.getMessage(), "see docs/validate.md", ""));
            }
        }
        return new Loaded(scenarios, problems);
    }

    Scenario read(Path expect) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(expect));
        } catch (JsonProcessingException e) {
            throw new ScenarioException("invalid YAML: " + e.getOriginalMessage(), e.getLocation() == null ? 1 : e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new ScenarioException("cannot read: " + e.getMessage(), 1);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("expect.yaml must be a mapping", 1);
        }
        String rule = root.path("rule").asText("");
        if (rule.isBlank()) {
            throw new ScenarioException("missing 'rule' (the rule id or name the scenario tests)", 1);
        }
        List<Expectation.Fire> fires = new ArrayList<>();
        for (JsonNode fire : root.path("fires")) {
            String branch = fire.isTextual() ? fire.asText() : fire.path("branch").asText("");
            if (branch.isBlank()) {
                throw new ScenarioException("a 'fires' entry needs a branch", 1);
            }
            Map<String, String> details = new LinkedHashMap<>();
            fire.path("customDetails").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            fires.add(new Expectation.Fire(branch, details));
        }
        List<Expectation.KnownMiss> misses = new ArrayList<>();
        for (JsonNode miss : root.path("knownMisses")) {
            String branch = miss.path("branch").asText("");
            String reason = miss.path("reason").asText("");
            if (branch.isBlank() || reason.isBlank()) {
                throw new ScenarioException("a 'knownMisses' entry needs a branch and a reason", 1);
            }
            misses.add(new Expectation.KnownMiss(branch, reason.strip()));
        }
        Optional<Instant> now = Optional.empty();
        if (root.hasNonNull("now") && !root.get("now").asText().equals("latest")) {
            try {
                now = Optional.of(Instant.parse(root.get("now").asText()));
            } catch (DateTimeParseException e) {
                throw new ScenarioException("cannot read now '" + root.get("now").asText() + "' (ISO-8601 or latest)", 1);
            }
        }
        Expectation expectation = new Expectation(rule, fires, misses, strings(root.path("silent")), strings(root.path("suppressedBy")));
        Path folder = expect.getParent();
        return new Scenario(folder.getFileName().toString(), folder, root.path("description").asText("").strip(),
                root.path("tuning").asText("bundled"), now, expectation);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A scenario that cannot be read. */
    static final class ScenarioException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        ScenarioException(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
