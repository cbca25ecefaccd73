package io.egress.cli;

import io.egress.sigma.SigmaCompiler;
import io.egress.sigma.SigmaConversion;
import io.egress.sigma.model.SigmaRule;
import io.egress.sigma.parse.SigmaReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code egress sigma convert RULE...}: prints the KQL each Sigma rule compiles to, headed by comments
 * naming the rule and its author (the Detection Rule License asks for that attribution).
 */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {"Prints the KQL (Defender Advanced Hunting / Sentinel) equivalent of Sigma rules.",
                "Exit code 1 if a rule cannot be converted (the reason goes to standard error)."})
public final class SigmaConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(arity = "1..*", paramLabel = "RULE", description = "Sigma rule files")
    List<Path> rules;

    @CommandLine.Option(names = "--filter", paramLabel = "FILE",
            description = "Sigma filter documents to apply to the rules they name (repeatable)")
    List<Path> filterFiles = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SigmaRule> filters = new ArrayList<>();
        for (Path file : filterFiles) {
            if (!Files.isRegularFile(file)) {
                err.println(file + ": error: no such filter file");
                return 2;
            }
            SigmaReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString())
                    .forEach(loaded -> filters.add(loaded.rule()));
        }
        SigmaCompiler compiler = new SigmaCompiler().withFilters(filters);
        int failures = 0;
        boolean first = true;
        for (Path file : rules) {
            for (SigmaConversion conversion : compiler.compileAll(file)) {
                if (!conversion.isOk()) {
                    err.println(file + ": " + conversion.status().word() + ": " + conversion.reason());
                    failures++;
                    continue;
                }
                if (!first) {
                    out.println();
                }
                first = false;
                out.print(header(conversion.rule()));
                out.println(conversion.kql());
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    static String header(SigmaRule rule) {
        StringBuilder text = new StringBuilder();
        text.append("// Sigma: ").append(rule.title());
        if (rule.id() != null) {
            text.append(" (").append(rule.id()).append(')');
        }
        text.append('\n');
        if (rule.author() != null) {
            text.append("// Author: ").append(rule.author().replace('\n', ' ')).append('\n');
        }
        if (rule.level() != null || !rule.techniques().isEmpty()) {
            text.append("// Level: ").append(rule.level() == null ? "-" : rule.level());
            if (!rule.techniques().isEmpty()) {
                text.append("; ATT&CK: ").append(String.join(", ", rule.techniques()));
            }
            text.append('\n');
        }
        text.append("// Source: ").append(rule.source()).append('\n');
        return text.toString();
    }
}
