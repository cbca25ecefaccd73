package io.egress.cli;

import io.egress.sigma.SigmaCompiler;
import io.egress.sigma.SigmaLint;
import io.egress.sigma.Status;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code egress sigma lint PATH...}: one line per rule, {@code STATUS<TAB>PATH[<TAB>REASON]}, then a
 * summary. Exit code 0 unless a rule is {@code invalid} (or a path does not exist).
 */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {"Checks which Sigma rules run on Egress: ok, unsupported, unsatisfiable or invalid.",
                "ok: compiles to KQL over a table Egress fills (Defender or raw SysmonEvent/WindowsEvent/AuditdEvent);",
                "unsatisfiable: a field no source provides; unsupported: no reader produces the log source.",
                "Exit code 1 if any rule is invalid."})
public final class SigmaLintCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "PATH", description = "Sigma .yml files or folders (searched recursively)")
    List<Path> paths;

    @CommandLine.Option(names = "--problems", description = "print only the rules that are not ok (and the summary)")
    boolean problemsOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println(path + ": error: no such file or folder");
                err.println("  hint: give Sigma .yml files or folders that hold them");
                return 2;
            }
        }
        List<SigmaLint.Entry> entries = SigmaLint.lint(new SigmaCompiler(), paths);
        for (SigmaLint.Entry entry : entries) {
            if (!problemsOnly || !entry.conversion().isOk()) {
                out.println(SigmaLint.line(entry));
            }
        }
        out.println(SigmaLint.summary(entries));
        out.flush();
        return SigmaLint.counts(entries).get(Status.INVALID) > 0 ? 1 : 0;
    }
}
