package io.egress.sigma;

import io.egress.sigma.compile.DetectionCompiler;
import io.egress.sigma.compile.KqlPrinter;
import io.egress.sigma.compile.Pred;
import io.egress.sigma.mapping.LogSourceMapping;
import io.egress.sigma.mapping.MappingCatalog;
import io.egress.sigma.model.SigmaRule;
import io.egress.sigma.parse.LoadedRule;
import io.egress.sigma.parse.SigmaReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles Sigma rules to KQL over the tables Egress fills: the Defender tables, and the raw per-source
 * tables ({@code SysmonEvent}, {@code WindowsEvent}, {@code AuditdEvent}) for log sources Defender has no
 * table for. Every outcome is a {@link SigmaConversion}; a rule
 * that cannot run says why in its status and reason, nothing is thrown for a bad rule.
 *
 * <p>Sigma filters (global filter documents) given to {@link #withFilters} are applied to the rules they
 * name (by id or title): {@code rule and not(filter)}.
 */
public final class SigmaCompiler {
    private final MappingCatalog catalog;
    private final List<SigmaRule> filters;

    public SigmaCompiler() {
        this(MappingCatalog.builtin(), List.of());
    }

    public SigmaCompiler(MappingCatalog catalog, List<SigmaRule> filters) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.filters = List.copyOf(filters);
    }

    /** A compiler that also applies these filter documents ({@link SigmaRule.Kind#FILTER}). */
    public SigmaCompiler withFilters(List<SigmaRule> filterRules) {
        List<SigmaRule> all = new ArrayList<>(filters);
        filterRules.stream().filter(f -> f.kind() == SigmaRule.Kind.FILTER).forEach(all::add);
        return new SigmaCompiler(catalog, all);
    }

    /** The first document of a file (a Sigma file normally holds one rule). */
    public SigmaConversion compile(Path file) {
        return compileAll(file).get(0);
    }

    public SigmaConversion compile(String yaml, String fileName) {
        return compileAll(yaml, fileName).get(0);
    }

    /** Every document of a file, in order; never empty. */
    public List<SigmaConversion> compileAll(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(new SigmaConversion(SigmaRule.unreadable(file.toString()), Status.INVALID,
                    "cannot read the file: " + e.getMessage(), null, null));
        }
        return compileAll(yaml, file.toString());
    }

    public List<SigmaConversion> compileAll(String yaml, String fileName) {
        return SigmaReader.read(yaml, fileName).stream().map(this::compile).toList();
    }

    public SigmaConversion compile(LoadedRule loaded) {
        SigmaRule rule = loaded.rule();
        if (loaded.problem().isPresent()) {
            Problem problem = loaded.problem().get();
            return new SigmaConversion(rule, problem.status(), problem.reason(), null, null);
        }
        if (rule.kind() == SigmaRule.Kind.FILTER) {
            return new SigmaConversion(rule, Status.UNSUPPORTED,
                    "a Sigma filter is not a rule: pass it to the compiler's filters to apply it to "
                            + rule.filterRules(), null, null);
        }
        Optional<LogSourceMapping> mapping = catalog.find(rule.logSource());
        if (mapping.isEmpty()) {
            return new SigmaConversion(rule, Status.UNSUPPORTED,
                    "no table for log source " + rule.logSource() + ": no Egress reader produces it", null, null);
        }
        LogSourceMapping source = mapping.get();
        DetectionCompiler.Compiled compiled = DetectionCompiler.compile(rule.detection(), source);
        List<Problem> problems = new ArrayList<>(compiled.problems());
        Pred predicate = compiled.predicate();
        for (SigmaRule filter : filters) {
            if (appliesTo(filter, rule)) {
                DetectionCompiler.Compiled excluded = DetectionCompiler.compile(filter.detection(), source);
                problems.addAll(excluded.problems());
                predicate = Pred.and(List.of(predicate, Pred.not(excluded.predicate())));
            }
        }
        if (!compiled.missingFields().isEmpty()) {
            problems.add(Problem.unsatisfiable("no source provides field"
                    + (compiled.missingFields().size() > 1 ? "s " : " ")
                    + compiled.missingFields().stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "))
                    + " in " + source.table() + " (log source " + rule.logSource() + ")"));
        }
        if (problems.isEmpty() && predicate instanceof Pred.Const c && !c.value()) {
            problems.add(Problem.unsatisfiable("the condition can never be true on " + source.table()
                    + (compiled.neverNotes().isEmpty() ? "" : ": " + notes(compiled.neverNotes()))));
        }
        if (!problems.isEmpty()) {
            Status worst = problems.stream().map(Problem::status).min(Comparator.comparingInt(SigmaCompiler::rank))
                    .orElseThrow();
            String reason = problems.stream().filter(p -> p.status() == worst).map(Problem::reason).distinct()
                    .collect(Collectors.joining("; "));
            return new SigmaConversion(rule, worst, reason, source.table(), null);
        }
        return new SigmaConversion(rule, Status.OK, null, source.table(),
                KqlPrinter.query(source.table(), source.where(), predicate));
    }

    private static String notes(List<String> notes) {
        String shown = String.join("; ", notes.subList(0, Math.min(3, notes.size())));
        return notes.size() > 3 ? shown + "; and " + (notes.size() - 3) + " more" : shown;
    }

    private static boolean appliesTo(SigmaRule filter, SigmaRule rule) {
        return sameSource(filter, rule)
                && filter.filterRules().stream().anyMatch(r -> r.equals(rule.id()) || r.equals(rule.title()));
    }

    private static boolean sameSource(SigmaRule filter, SigmaRule rule) {
        return Objects.equals(filter.logSource().product(), rule.logSource().product())
                && Objects.equals(filter.logSource().category(), rule.logSource().category())
                && Objects.equals(filter.logSource().service(), rule.logSource().service());
    }

    /** Which problem decides the status: invalid first, then unsupported, then unsatisfiable. */
    private static int rank(Status status) {
        return switch (status) {
            case INVALID -> 0;
            case UNSUPPORTED -> 1;
            case UNSATISFIABLE -> 2;
            case OK -> 3;
        };
    }
}
