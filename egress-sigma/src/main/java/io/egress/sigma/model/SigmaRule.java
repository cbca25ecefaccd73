package io.egress.sigma.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Sigma document with its metadata. A detection rule has a {@link Detection}; a correlation rule
 * and a filter are loaded too ({@link Kind}) so tools can report them. {@code source} is the file name
 * or path it came from.
 */
public record SigmaRule(
        Kind kind,
        String source,
        String id,
        String title,
        String status,
        String level,
        String description,
        String author,
        String date,
        String modified,
        List<String> references,
        List<String> tags,
        List<String> falsePositives,
        LogSource logSource,
        Detection detection,
        List<String> filterRules) {

    private static final Pattern TECHNIQUE = Pattern.compile("t\\d{4}(\\.\\d{3})?");

    /** What kind of Sigma document this is. */
    public enum Kind { RULE, CORRELATION, FILTER }

    public SigmaRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        falsePositives = List.copyOf(falsePositives);
        logSource = logSource == null ? LogSource.NONE : logSource;
        detection = detection == null ? Detection.EMPTY : detection;
        filterRules = List.copyOf(filterRules);
    }

    /** A placeholder for a document that could not be read at all. */
    public static SigmaRule unreadable(String source) {
        return new SigmaRule(Kind.RULE, source, null, source, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), LogSource.NONE, Detection.EMPTY, List.of());
    }

    /** ATT&CK technique ids from the tags: {@code attack.t1048.003} → {@code T1048.003}. */
    public List<String> techniques() {
        return tags.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> t.startsWith("attack.") && TECHNIQUE.matcher(t.substring(7)).matches())
                .map(t -> t.substring(7).toUpperCase(Locale.ROOT))
                .toList();
    }

    /**
     * ATT&CK tactics from the tags: {@code attack.exfiltration} → {@code exfiltration},
     * {@code attack.command_and_control} → {@code command-and-control}. Group ({@code g0032}) and
     * software ({@code s0002}) tags are not tactics.
     */
    public List<String> tactics() {
        return tags.stream()
                .map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> t.startsWith("attack.") && t.substring(7).matches("[a-z][a-z_-]+"))
                .map(t -> t.substring(7).replace('_', '-'))
                .toList();
    }
}
