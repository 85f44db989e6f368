package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.EmbeddedKafka;
import io.rtmstreams.app.V1Migration;
import io.rtmstreams.app.V1Topics;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Migrates the output topics of a version 1 deployment to version 2 ({@link V1Migration}), on a cluster or on the
 * data directory of {@code run}'s embedded broker, which it starts for the time of the migration.
 */
@Command(name = "migrate-v1", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Migrates version 1 output topics to version 2 (contract.md, Upgrading from v1), with every instance "
                    + "of the application stopped.",
            "It recreates rtm.best-routes, rtm.dest-changes and rtm.fleet-routes with their partitions and "
                    + "settings, republishes every current best route partitioned by view|prefix, and deletes "
                    + "version 1's internal topic; 'run' then rebuilds the fleet view from the best routes. Safe to "
                    + "run again after a failure; does nothing on version 2 topics.",
            "Without --bootstrap-servers it works on the embedded broker's data in DATA_DIR/kafka, as 'run' does."})
final class MigrateV1Command implements Callable<Integer> {

    private static final AppConfig DEFAULTS = AppConfig.defaults();

    private final Stdio stdio;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "The Kafka cluster. Absent: the embedded broker of 'run' on DATA_DIR.")
    private String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data directory of 'run' with the embedded broker (its kafka/). Ignored with "
                    + "--bootstrap-servers.")
    private Path dataDir = DEFAULTS.dataDir();

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application id of the deployment: none of its instances may run.")
    private String applicationId = DEFAULTS.applicationId();

    @Mixin
    private TopicOptions topicOptions;

    @Mixin
    private KafkaClientOptions kafka;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "${COMPLETION-CANDIDATES}: a progress bar per step on standard error (auto: on an "
                    + "interactive terminal); otherwise one line per step.")
    private ProgressMode progressMode = ProgressMode.AUTO;

    MigrateV1Command(Stdio stdio) {
        this.stdio = stdio;
    }

    @Override
    public Integer call() throws Exception {
        Topics topics = topicOptions.topics();
        PrintWriter out = spec.commandLine().getOut();
        V1Migration.Report report;
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            try (EmbeddedKafka broker = embeddedBroker()) {
                report = migrate(broker.bootstrapServers(), topics);
            }
        } else {
            report = migrate(bootstrapServers, topics);
        }
        V1Topics v1 = new V1Topics(topics);
        out.println(report.migrated()
                ? String.format("Migrated to version 2: republished %,d best routes to %s, recreated %s and %s, "
                        + "deleted %s. Start 'rtm-streams run': it rebuilds the fleet view from the best routes.",
                        report.bestRoutes(), topics.bestRoutes(), topics.destChanges(), topics.fleetRoutes(),
                        v1.fleetUpdates())
                : "Nothing to migrate: " + String.join(", ", v1.outputs()) + " are not version 1 topics (no "
                        + v1.fleetUpdates() + ").");
        return ExitCodes.OK;
    }

    private V1Migration.Report migrate(String bootstrap, Topics topics) throws Exception {
        Map<String, Object> client = new HashMap<>(kafka.resolve());
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (StepProgress progress = progressMode.shows(true, stdio.interactive()) ? StepProgress.shown(stdio.err())
                : StepProgress.lines(spec.commandLine().getErr())) {
            return new V1Migration(client, topics, applicationId, progress).run();
        }
    }

    /** The embedded broker of {@code run} on its existing data, on any free port for the time of the migration. */
    private EmbeddedKafka embeddedBroker() {
        Path kafkaData = dataDir.resolve("kafka");
        if (!Files.isDirectory(kafkaData)) {
            throw new ParameterException(spec.commandLine(), "--data-dir: no embedded broker data in " + kafkaData
                    + " (give --bootstrap-servers for a cluster)");
        }
        return EmbeddedKafka.builder(kafkaData).port(0).start();
    }
}
