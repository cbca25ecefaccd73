package io.egress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code egress sigma}: Sigma rule tools (lint, convert); prints its usage when run alone. */
@Command(
        name = "sigma",
        mixinStandardHelpOptions = true,
        description = "Sigma rules: check which ones run on Egress, and convert them to KQL.",
        subcommands = {SigmaLintCommand.class, SigmaConvertCommand.class})
public final class SigmaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
