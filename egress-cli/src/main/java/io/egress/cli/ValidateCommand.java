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

/** {@code egress validate}: runs scenario folders against their expect.yaml and prints a scenario × branch matrix. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Runs validation scenarios (folders of telemetry with an expect.yaml) and prints which"
                + " rule branches fired, stayed silent or missed.",
                "Exit codes: 0 all scenarios pass, 1 a scenario failed, 2 usage or input errors."})
public final class ValidateCommand implements Callable<Integer> {
    static final String DEFAULT_DIR = "rules/T1048.003/scenarios";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Folder of scenarios (default: " + DEFAULT_DIR + ").")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path root = dir != null ? dir : Path.of(DEFAULT_DIR);
            if (dir == null && !Files.isDirectory(root)) {
                try {
                    root = BundledScenarios.extract(Files.createTempDirectory("egress-scenarios"));
                    err.println("note: " + DEFAULT_DIR + " not found here; running the bundled scenarios (copied to " + root + ")");
                } catch (IOException e) {
                    err.println("error: cannot unpack the bundled scenarios: " + CliText.reason(e));
                    return 2;
                }
            }
            if (!Files.isDirectory(root)) {
                err.println("error: no scenario folder " + root);
                return 2;
            }
            ScenarioLoader.Loaded loaded;
            try {
                loaded = new ScenarioLoader().load(root);
            } catch (IOException e) {
                err.println("error: cannot read " + root + ": " + CliText.reason(e));
                return 2;
            }
            loaded.problems().forEach(p -> Summary.problem(p).forEach(err::println));
            if (loaded.scenarios().isEmpty()) {
                err.println("error: no expect.yaml under " + root);
                return 2;
            }
            List<ScenarioResult> results = new ArrayList<>();
            Validator validator = new Validator();
            loaded.scenarios().forEach(s -> results.add(validator.validate(s)));
            ValidationMatrix.render(results).forEach(out::println);
            if (!loaded.problems().isEmpty()) {
                return 2;
            }
            return results.stream().allMatch(ScenarioResult::passed) ? 0 : 1;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
