package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How topics that do not exist yet are created; existing topics are left as they are. */
final class TopicLayoutOptions {

    private static final AppConfig DEFAULTS = AppConfig.defaults();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of each topic created: the most instances that can share the work.")
    private int partitions = DEFAULTS.partitions();

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of each topic created (at most the number of brokers).")
    private int replicationFactor = DEFAULTS.replicationFactor();

    int partitions() {
        return OptionChecks.atLeast(command, "--partitions", partitions, 1);
    }

    short replicationFactor() {
        return (short) OptionChecks.between(command, "--replication-factor", replicationFactor, 1, Short.MAX_VALUE);
    }
}
