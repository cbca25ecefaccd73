package io.egress.kql.engine;

import io.egress.kql.engine.binder.Binder;
import io.egress.kql.engine.functions.FunctionRegistry;
import io.egress.kql.engine.functions.StandardFunctions;
import io.egress.kql.engine.plan.PlanNode;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.parser.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compiles KQL text into runnable {@link Compilation}s. Thread-safe and reusable. */
public final class KqlEngine {
    private final FunctionRegistry registry;

    public KqlEngine() {
        this(StandardFunctions.registry());
    }

    public KqlEngine(FunctionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public FunctionRegistry registry() {
        return registry;
    }

    /**
     * Parses and binds. Syntax errors stop before binding (their diagnostics are returned); otherwise
     * the binder's diagnostics are added and, when there are no errors, the plans are ready to run.
     */
    public Compilation compile(String queryText, Catalog catalog) {
        Objects.requireNonNull(queryText, "queryText");
        Objects.requireNonNull(catalog, "catalog");
        ParseResult parsed = KqlParser.parse(queryText);
        List<io.egress.kql.syntax.diag.Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        boolean syntaxErrors = diagnostics.stream().anyMatch(io.egress.kql.syntax.diag.Diagnostic::isError);
        if (syntaxErrors) {
            return new Compilation(parsed.source(), parsed.script(), diagnostics, List.of(), java.util.Set.of(),
                    List.of(), null);
        }
        Binder binder = new Binder(registry, catalog);
        List<PlanNode> plans = binder.bind(parsed.script());
        diagnostics.addAll(binder.diagnostics());
        return new Compilation(parsed.source(), parsed.script(), diagnostics, plans, binder.referencedTables(),
                binder.scans(), binder.isDataDependent() ? new Compilation.Rebinder(registry, catalog) : null);
    }
}
