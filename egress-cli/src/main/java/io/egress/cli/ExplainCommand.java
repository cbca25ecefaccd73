package io.egress.cli;

import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code egress explain}: prints the syntax tree, the bound tree and the plan of a query. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a query's syntax tree, bound tree (schemas, types) and execution plan.")
public final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    QueryText query = new QueryText();

    @Override
    public Integer call() {
        return CliText.run(spec, (out, err) -> {
            QueryText.Source source = query.read();
            Compilation c = new KqlEngine().compile(source.text(), Catalog.defender());
            out.print(c.explain());
            err.print(CliText.diagnostics(source.label(), c.source(), c.diagnostics()));
            return c.hasErrors() ? 1 : 0;
        });
    }
}
