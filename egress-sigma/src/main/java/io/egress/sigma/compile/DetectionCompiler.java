package io.egress.sigma.compile;

import io.egress.sigma.Problem;
import io.egress.sigma.mapping.LogSourceMapping;
import io.egress.sigma.model.Condition;
import io.egress.sigma.model.Detection;
import io.egress.sigma.model.FieldMatch;
import io.egress.sigma.model.SearchIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Compiles a rule's detection (identifiers + condition) to a {@link Pred}, collecting problems in a context. */
public final class DetectionCompiler {
    private final RuleContext context;
    private final FieldCompiler fields;

    private DetectionCompiler(LogSourceMapping mapping) {
        this.context = new RuleContext(mapping);
        this.fields = new FieldCompiler(context);
    }

    /** The outcome of compiling one detection: the predicate, and what went wrong or folded away. */
    public record Compiled(Pred predicate, List<Problem> problems, List<String> missingFields, List<String> neverNotes) {
        public Compiled {
            problems = List.copyOf(problems);
            missingFields = List.copyOf(missingFields);
            neverNotes = List.copyOf(neverNotes);
        }
    }

    public static Compiled compile(Detection detection, LogSourceMapping mapping) {
        DetectionCompiler compiler = new DetectionCompiler(mapping);
        List<Pred> conditions = new ArrayList<>();
        for (Condition condition : detection.conditions()) {
            conditions.add(compiler.condition(condition, detection));
        }
        RuleContext context = compiler.context;
        return new Compiled(Pred.or(conditions), context.problems(), new ArrayList<>(context.missingFields()),
                new ArrayList<>(context.neverNotes()));
    }

    private Pred condition(Condition condition, Detection detection) {
        if (condition instanceof Condition.And and) {
            return Pred.and(and.operands().stream().map(c -> condition(c, detection)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return Pred.or(or.operands().stream().map(c -> condition(c, detection)).toList());
        }
        if (condition instanceof Condition.Not not) {
            return Pred.not(condition(not.operand(), detection));
        }
        if (condition instanceof Condition.Ref ref) {
            SearchIdentifier identifier = detection.identifiers().get(ref.name());
            if (identifier == null) {
                context.problem(Problem.invalid("the condition names `" + ref.name()
                        + "`, which is not a search identifier"));
                return Pred.FALSE;
            }
            return identifier(identifier);
        }
        Condition.Quantified quantified = (Condition.Quantified) condition;
        List<String> names = matching(quantified.pattern(), detection);
        if (names.isEmpty()) {
            context.problem(Problem.invalid("`" + (quantified.all() ? "all" : "1") + " of " + quantified.pattern()
                    + "` matches no search identifier"));
            return Pred.FALSE;
        }
        List<Pred> operands = names.stream().map(n -> identifier(detection.identifiers().get(n))).toList();
        return quantified.all() ? Pred.and(operands) : Pred.or(operands);
    }

    private static List<String> matching(String pattern, Detection detection) {
        if (pattern.equals("them")) {
            return detection.identifiers().keySet().stream().filter(n -> !n.startsWith("_")).toList();
        }
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        Pattern compiled = Pattern.compile(regex);
        return detection.identifiers().keySet().stream().filter(n -> compiled.matcher(n).matches()).toList();
    }

    private Pred identifier(SearchIdentifier identifier) {
        if (identifier instanceof SearchIdentifier.FieldMap map) {
            return fieldMap(map);
        }
        if (identifier instanceof SearchIdentifier.MapList list) {
            return Pred.or(list.maps().stream().map(this::fieldMap).toList());
        }
        SearchIdentifier.Keywords keywords = (SearchIdentifier.Keywords) identifier;
        return fields.keywordList(keywords.values(), keywords.all());
    }

    private Pred fieldMap(SearchIdentifier.FieldMap map) {
        List<Pred> operands = new ArrayList<>();
        for (FieldMatch match : map.matches()) {
            operands.add(fields.compile(match));
        }
        return Pred.and(operands);
    }
}
