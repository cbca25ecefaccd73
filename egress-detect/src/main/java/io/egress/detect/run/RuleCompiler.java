package io.egress.detect.run;

import io.egress.data.Schema;
import io.egress.detect.alert.EntityExtractor;
import io.egress.detect.alert.MatchFinder;
import io.egress.detect.query.BranchRewriter;
import io.egress.detect.query.QueryStructure;
import io.egress.detect.rule.FilePosition;
import io.egress.detect.rule.Rule;
import io.egress.detect.rule.RuleProblem;
import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.syntax.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles rules with the KQL engine. A rule whose query has errors becomes {@link RuleProblem}s at the
 * rule file's line and column (the query's offsets mapped through its {@link io.egress.detect.rule.QueryOrigin});
 * the others compile on.
 */
public final class RuleCompiler {
    private final KqlEngine engine;
    private final Catalog catalog;

    public RuleCompiler(KqlEngine engine, Catalog catalog) {
        this.engine = engine;
        this.catalog = catalog;
    }

    /** The compiled rules and the problems of those that do not compile. */
    public record Result(List<CompiledRule> rules, List<RuleProblem> problems) {
        public Result {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    public Result compile(List<Rule> rules) {
        List<CompiledRule> compiled = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Rule rule : rules) {
            Compilation original = engine.compile(rule.query(), catalog);
            if (original.hasErrors()) {
                for (Diagnostic d : original.diagnostics()) {
                    if (d.isError()) {
                        problems.add(problem(rule, d));
                    }
                }
                continue;
            }
            QueryStructure structure = QueryStructure.analyze(rule.query());
            BranchRewriter.Rewritten rewritten = BranchRewriter.rewrite(rule.query(), structure);
            Compilation compilation = original;
            String branchColumn = null;
            if (rewritten.branchColumn() != null) {
                Compilation withBranch = engine.compile(rewritten.query(), catalog);
                if (!withBranch.hasErrors() && withBranch.resultSchema().indexOf(rewritten.branchColumn()) >= 0) {
                    compilation = withBranch;
                    branchColumn = rewritten.branchColumn();
                }
            }
            Schema schema = compilation.resultSchema();
            Map<String, MatchFinder> matchers = new HashMap<>();
            matchers.put("", new MatchFinder(schema, structure.patternsOf("")));
            for (String leg : structure.unionLegs()) {
                matchers.put(leg, new MatchFinder(schema, structure.patternsOf(leg)));
            }
            compiled.add(new CompiledRule(rule, structure, compilation, branchColumn,
                    new EntityExtractor(schema, rule.entityMappings()), matchers));
        }
        return new Result(compiled, problems);
    }

    /** A query diagnostic as a problem at the rule file's position. */
    public static RuleProblem problem(Rule rule, Diagnostic d) {
        FilePosition at = rule.origin().position(rule.query(), d.span().start());
        String[] lines = rule.query().split("\n", -1);
        int queryLine = at.line() - rule.origin().firstLine();
        String line = queryLine >= 0 && queryLine < lines.length ? " ".repeat(rule.origin().indent()) + lines[queryLine] : "";
        return new RuleProblem(at, d.code(), d.message() + " (rule " + rule.name() + ")", d.hint(), line);
    }
}
