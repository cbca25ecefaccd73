package io.egress.detect.rule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads rules from files and folders ({@code .yaml}/{@code .yml} Sentinel rules, {@code .kql} rules)
 * and Sigma rules (compiled by egress-sigma), and from the pack bundled in the jar. Folders are walked recursively; {@code tuning.yaml},
 * {@code expect.yaml} and anything under a {@code scenarios} folder are not rules. A file that cannot be
 * read or parsed becomes a {@link RuleProblem}; the other rules still load.
 */
public final class RuleLoader {
    /** Classpath folder of the bundled packs; {@code pack.txt} in it lists their files. */
    public static final String BUNDLED_ROOT = "rules/";

    private final SentinelYamlRuleReader yaml = new SentinelYamlRuleReader();
    private final KqlHeaderRuleReader kql = new KqlHeaderRuleReader();
    private final SigmaRuleReader sigma = new SigmaRuleReader();

    public RuleSet load(List<Path> paths) {
        List<Rule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : ruleFiles(path)) {
                    readFile(file, rules, problems);
                }
            } else if (Files.isRegularFile(path)) {
                if (kindOf(path.getFileName().toString()) == null) {
                    problems.add(new RuleProblem(new FilePosition(path.toString(), 1, 1), "RULE006",
                            "not a rule file (expected .yaml, .yml or .kql)", "", ""));
                } else {
                    readFile(path, rules, problems);
                }
            } else {
                problems.add(new RuleProblem(new FilePosition(path.toString(), 1, 1), "RULE006",
                        "no such file or folder", "", ""));
            }
        }
        return dedupe(rules, problems);
    }

    /** The packs shipped inside the jar (the repository's {@code rules/} folder). */
    public RuleSet bundled() {
        List<Rule> rules = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (String name : bundledFiles()) {
            String kind = kindOf(name);
            if (kind == null || isNotRule(name)) {
                continue;
            }
            String text = bundledText(name);
            collect(read(kind, "(bundled) " + BUNDLED_ROOT + name, text), rules, problems);
        }
        return dedupe(rules, problems);
    }

    /** The files listed in the bundled {@code rules/pack.txt}, relative to {@code rules/}. */
    public static List<String> bundledFiles() {
        String index = bundledText("pack.txt");
        return index.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** A bundled file's text, e.g. {@code T1048.003/tuning.yaml}. */
    public static String bundledText(String name) {
        try (InputStream in = RuleLoader.class.getClassLoader().getResourceAsStream(BUNDLED_ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled rule file missing from the jar: " + BUNDLED_ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + name, e);
        }
    }

    public RuleReadResult read(String kind, String file, String text) {
        if (kind.equals("kql")) {
            return kql.read(file, text);
        }
        return SigmaRuleReader.looksLikeSigma(text) ? sigma.read(file, text) : yaml.read(file, text);
    }

    private void readFile(Path file, List<Rule> rules, List<RuleProblem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(new FilePosition(file.toString(), 1, 1), "RULE006",
                    "cannot read: " + e.getMessage(), "", ""));
            return;
        }
        collect(read(kindOf(file.getFileName().toString()), file.toString(), text), rules, problems);
    }

    private static void collect(RuleReadResult result, List<Rule> rules, List<RuleProblem> problems) {
        result.rule().ifPresent(rules::add);
        problems.addAll(result.problems());
    }

    private static RuleSet dedupe(List<Rule> rules, List<RuleProblem> problems) {
        Set<String> seen = new HashSet<>();
        List<Rule> unique = new ArrayList<>();
        for (Rule rule : rules) {
            if (seen.add(rule.id())) {
                unique.add(rule);
            } else {
                problems.add(new RuleProblem(new FilePosition(rule.file(), 1, 1), "RULE007",
                        "duplicate rule id " + rule.id() + " (the first one loaded is kept)", "give each rule its own id", ""));
            }
        }
        return new RuleSet(unique, problems);
    }

    private static List<Path> ruleFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> kindOf(file.getFileName().toString()) != null)
                    .filter(file -> !isNotRule(folder.relativize(file).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code yaml} or {@code kql}, or null for other files. */
    static String kindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return "yaml";
        }
        return lower.endsWith(".kql") ? "kql" : null;
    }

    /** Tuning files, scenario expectations and anything under {@code scenarios/} live beside rules. */
    static boolean isNotRule(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.startsWith("tuning.") || name.startsWith("expect.")
                || ("/" + relative).contains("/scenarios/");
    }
}
