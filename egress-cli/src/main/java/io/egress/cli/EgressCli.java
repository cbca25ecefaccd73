package io.egress.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code egress} command: a thin shell that hands each subcommand to its own class. */
@Command(
        name = "egress",
        mixinStandardHelpOptions = true,
        version = "egress 0.1.0",
        description = "Runs KQL and Sigma detections over endpoint and network telemetry, offline.",
        subcommands = {CommandLine.HelpCommand.class})
public final class EgressCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new EgressCli());
        // Subcommands register here, one line each, so the command tree reads in one place.
        commandLine.addSubcommand(new QueryCommand());
        commandLine.addSubcommand(new ParseCommand());
        commandLine.addSubcommand(new ExplainCommand());
        commandLine.addSubcommand(new FunctionsCommand());
        commandLine.addSubcommand(new DetectCommand());
        commandLine.addSubcommand(new ValidateCommand());
        commandLine.addSubcommand(new InspectCommand());
        commandLine.addSubcommand(new SigmaCommand());
        commandLine.addSubcommand(new IngestCommand());
        commandLine.addSubcommand(new CompactCommand());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
