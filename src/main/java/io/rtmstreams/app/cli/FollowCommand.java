package io.rtmstreams.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code follow}: adapters from a collector's Kafka topic to the contract's input topics; one so far, pmacct. */
@Command(name = "follow", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Follows a route collector's Kafka topic and publishes its routers' routes as commands, "
                + "exactly once.")
final class FollowCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing the collector: follow "
                + String.join("|", spec.subcommands().keySet()));
    }
}
