package io.rtmstreams.app.cli;

import io.rtmstreams.app.TopicAdmin;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.concurrent.Callable;

/**
 * Creates the contract's topics that do not exist yet, then lists every topic with its partitions and cleanup
 * policy. Fails when the input topics are not co-partitioned (D2), which topics that existed before can cause.
 */
@Command(name = "topics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Creates the topics (partitions, replication factor, cleanup policies) on a Kafka cluster and lists "
                    + "them. Existing topics are left as they are.",
            "Fails when the two input topics have different partition counts (D2: a router's adverts and interface "
                    + "changes must reach the same task)."})
final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topicOptions;

    @Mixin
    private TopicLayoutOptions layout;

    @Override
    public Integer call() throws Exception {
        Topics topics = topicOptions.topics();
        int partitions = layout.partitions();
        short replicationFactor = layout.replicationFactor();
        TopicAdmin.Report report;
        try (Admin admin = Admin.create(new HashMap<String, Object>(cluster.clientProperties(kafka)))) {
            report = TopicAdmin.ensure(admin, topics, partitions, replicationFactor);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Topics on " + cluster.bootstrapServers() + ":");
        TopicTable.lines(topics, report).forEach(line -> out.println("  " + line));
        return ExitCodes.OK;
    }
}
