package io.rtmstreams.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the {@code rtm-streams} command line: the subcommands, environment-variable defaults, help that names the
 * variables, and the error handling. {@link Main} and the tests build it the same way.
 */
final class Cli {

    /** Wide enough for the long option names with a readable description column. */
    private static final int HELP_WIDTH = 100;

    private Cli() {
    }

    /**
     * @param environment the variables to read defaults from ({@code System.getenv()} in production)
     * @param stdio       where commands read input and write results, messages and progress
     * @param stops       how {@code run} learns it should stop ({@link StopSignal#onJvmShutdown()} in production)
     */
    static CommandLine create(Map<String, String> environment, Stdio stdio, Supplier<StopSignal> stops) {
        CommandLine cli = new CommandLine(new RtmStreamsCommand())
                .addSubcommand(new RunCommand(stops))
                .addSubcommand(new TopicsCommand())
                .addSubcommand(new ProduceCommand(stdio))
                .addSubcommand(new ImportCommand(stdio))
                .addSubcommand(new LoadgenCommand(stdio))
                .addSubcommand(new CommandLine(new FollowCommand())
                        .addSubcommand(new FollowPmacctCommand(stops)))
                .addSubcommand(new QueryCommand())
                .addSubcommand(new MigrateV1Command(stdio))
                .addSubcommand(new HelpCommand());
        CliErrors errors = new CliErrors();
        // Set after the subcommands are added: CommandLine setters apply to the subcommands present at the call.
        return cli.setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setHelpFactory(new EnvironmentHelp())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(HELP_WIDTH)
                .setOut(new PrintWriter(stdio.out(), true))
                .setErr(new PrintWriter(stdio.err(), true))
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
