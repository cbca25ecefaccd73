package io.egress.cli;

import io.egress.kql.engine.Catalog;
import io.egress.kql.engine.Compilation;
import io.egress.kql.engine.KqlEngine;
import io.egress.kql.syntax.diag.Diagnostic;
import io.egress.kql.syntax.parser.KqlParser;
import io.egress.kql.syntax.parser.ParseResult;
import io.egress.kql.syntax.text.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code egress parse}: checks KQL files, printing {@code FILE: ok} or their diagnostics. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Checks KQL files: syntax, and (unless --syntax-only) names and types against the Defender tables.")
public final class ParseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--syntax-only", description = "Only parse; do not bind names and types.")
    boolean syntaxOnly;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "KQL files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KqlEngine engine = new KqlEngine();
        boolean allOk = true;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(file + ": error: cannot read: " + CliText.reason(e));
                allOk = false;
                continue;
            }
            List<Diagnostic> diagnostics;
            SourceText source;
            if (syntaxOnly) {
                ParseResult r = KqlParser.parse(text);
                diagnostics = r.diagnostics();
                source = r.source();
            } else {
                Compilation c;
                try {
                    c = engine.compile(text, Catalog.defender());
                } catch (RuntimeException e) {
                    CliText.internalError(e, err);
                    allOk = false;
                    continue;
                }
                diagnostics = c.diagnostics();
                source = c.source();
            }
            boolean ok = diagnostics.stream().noneMatch(Diagnostic::isError);
            if (ok) {
                out.println(file + ": ok");
            }
            out.print(CliText.diagnostics(file.toString(), source, diagnostics));
            allOk &= ok;
        }
        out.flush();
        err.flush();
        return allOk ? 0 : 1;
    }
}
