package io.rtmstreams.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: it only chooses a subcommand; its help explains the environment and the exit codes. */
@Command(name = "rtm-streams", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "A Routing Table Manager (RTMv2 and IP Helper semantics) for a fleet of routers, on Kafka "
                + "Streams.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nEnvironment:%n",
        footer = {
            "Every option has an environment variable: RTM_ and the option's name in capitals, dashes as "
                    + "underscores (--data-dir: RTM_DATA_DIR). A flag on the command line wins over the variable.",
            "RTM_KAFKA_PROPERTY_<NAME> sets one Kafka client property: RTM_KAFKA_PROPERTY_SECURITY_PROTOCOL=SSL "
                    + "is --kafka-property security.protocol=SSL.",
            "RTM_LOG_LEVEL sets the level of rtm-streams' own log messages (default INFO; DEBUG shows stack traces "
                    + "of errors). Libraries log at WARN."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (broker or API unreachable, topics not co-partitioned, a record not sent)",
            "2:invalid command line, environment variable or configuration file",
            "4:the query API answered 4xx",
            "5:the query API answered 5xx",
            "130:run stopped by Ctrl-C (SIGINT), after a clean shutdown",
            "143:run stopped by SIGTERM, after a clean shutdown"})
final class RtmStreamsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
