package io.egress.cli;

import io.egress.kql.engine.functions.AggregateFunction;
import io.egress.kql.engine.functions.FunctionRegistry;
import io.egress.kql.engine.functions.ScalarFunction;
import io.egress.kql.engine.functions.StandardFunctions;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egress functions}: lists the scalar functions and aggregations the engine implements. */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = "Lists the implemented KQL scalar functions and aggregations with their signatures.")
public final class FunctionsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FunctionRegistry registry = StandardFunctions.registry();
        List<ScalarFunction> scalars = registry.scalars().stream()
                .sorted(Comparator.comparing(ScalarFunction::name)).toList();
        List<AggregateFunction> aggregates = registry.aggregates().stream()
                .sorted(Comparator.comparing(AggregateFunction::name)).toList();
        out.println("Scalar functions (" + scalars.size() + "):");
        for (ScalarFunction f : scalars) {
            print(out, f.name(), f.signatures());
        }
        out.println();
        out.println("Aggregations (" + aggregates.size() + "):");
        for (AggregateFunction f : aggregates) {
            print(out, f.name(), f.signatures());
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String name, List<String> signatures) {
        if (signatures.isEmpty()) {
            out.println("  " + name);
        }
        for (String s : signatures) {
            out.println("  " + s);
        }
    }
}
