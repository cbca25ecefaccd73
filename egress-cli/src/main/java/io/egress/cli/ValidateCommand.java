package io.egress.cli;

import io.egress.detect.output.Summary;
import io.egress.detect.validate.BundledScenarios;
import io.egress.detect.validate.ScenarioLoader;
import io.egress.detect.validate.ScenarioResult;
import io.egress.detect.validate.ValidationMatrix;
import io.egress.detect.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code egress validate}: runs scenario folders against their expect.yaml and prints a scenario × branch matrix per rule. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Runs validation scenarios (folders of telemetry with an expect.yaml) and prints which"
                + " rule branches fired, stayed silent or missed.",
                "Without DIR: the scenarios of every bundled rule pack (rules/<pack>/scenarios here, else the copies in the jar).",
                "Exit codes: 0 all scenarios pass, 1 a scenario failed, 2 usage or input errors."})
public final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Folders of scenarios (default: every bundled pack's rules/<pack>/scenarios).")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> roots;
            try {
                roots = dirs.isEmpty() ? bundledRoots(err) : dirs;
            } catch (IOException e) {
                err.println("error: cannot unpack the bundled scenarios: " + CliText.reason(e));
                return 2;
            }
            List<ScenarioLoader.Loaded> loaded = new ArrayList<>();
            for (Path root : roots) {
                if (!Files.isDirectory(root)) {
                    err.println("error: no scenario folder " + root);
                    return 2;
                }
                try {
                    loaded.add(new ScenarioLoader().load(root));
                } catch (IOException e) {
                    err.println("error: cannot read " + root + ": " + CliText.reason(e));
                    return 2;
                }
            }
            boolean problems = false;
            List<ScenarioResult> results = new ArrayList<>();
            Validator validator = new Validator();
            for (ScenarioLoader.Loaded l : loaded) {
                l.problems().forEach(p -> Summary.problem(p).forEach(err::println));
                problems |= !l.problems().isEmpty();
                l.scenarios().forEach(s -> results.add(validator.validate(s)));
            }
            if (results.isEmpty()) {
                err.println("error: no expect.yaml under " + String.join(", ", roots.stream().map(Path::toString).toList()));
                return 2;
            }
            ValidationMatrix.render(results).forEach(out::println);
            if (problems) {
                return 2;
            }
            return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** rules/<pack>/scenarios of each bundled pack in the working directory; when none is here, the jar's copies. */
    private static List<Path> bundledRoots(PrintWriter err) throws IOException {
        List<Path> here = new ArrayList<>();
        for (String pack : BundledScenarios.packs()) {
            Path folder = Path.of("rules", pack, "scenarios");
            if (Files.isDirectory(folder)) {
                here.add(folder);
            }
        }
        if (!here.isEmpty()) {
            return here;
        }
        Path target = Files.createTempDirectory("egress-scenarios");
        err.println("note: rules/<pack>/scenarios not found here; running the bundled scenarios (copied to " + target + ")");
        return BundledScenarios.extract(target);
    }
}
