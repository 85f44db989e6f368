package io.rtmstreams.app.cli;

import io.rtmstreams.app.importer.CommandResults;
import io.rtmstreams.app.importer.CostMode;
import io.rtmstreams.app.importer.ImportRun;
import io.rtmstreams.app.importer.ImportSettings;
import io.rtmstreams.app.importer.ImportSummary;
import io.rtmstreams.app.importer.RecordTimes;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Imports MRT files (RIB dumps, update files) as one router's BGP routes: {@link ImportRun} reads, maps (D28, D29)
 * and sends; this command parses the options, connects, shows progress and prints the summary.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Imports MRT files (RFC 6396: RIB dumps and update files, plain, gzip or bzip2) as the BGP routes of "
                    + "one router: a synthetic interface per peer, ADD_ROUTES/DELETE_ROUTES batches, "
                    + "DELETE_NEIGHBOUR_ROUTES when a session goes down, a SYNC at the end whose result it waits for.",
            "Records that cannot be read are reported with their file offset and skipped; the exit code is 1 only "
                    + "when nothing could be read."})
final class ImportCommand implements Callable<Integer> {

    private final Stdio stdio;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "MRT files, imported in this order.")
    private List<Path> files;

    @Option(names = "--router", paramLabel = "ID", description = "The router whose tables receive the routes.")
    private String router = "mrt";

    @Option(names = "--rtm-instance", paramLabel = "N", description = "The RTM instance of those tables.")
    private int rtmInstance;

    @Mixin
    private BgpEntityOptions bgp;

    @Option(names = "--cost", paramLabel = "MODE", description = "${COMPLETION-CANDIDATES}: per-peer ranks all "
            + "peers' paths by AS-path length, then origin, then MED; loc-rib takes the MED as the metric (a "
            + "router's own best paths).")
    private CostMode cost = CostMode.PER_PEER;

    @Option(names = "--local-as", paramLabel = "AS", description = "The collector's AS: its peers in it are "
            + "internal. Without it every peer is external.")
    private Long localAs;

    @Option(names = "--interface-per-path", description = "ADD-PATH: give each path of a peer a synthetic "
            + "interface of its own, so all are kept (by default the last path of a prefix wins).")
    private boolean interfacePerPath;

    @Option(names = "--timestamps", paramLabel = "CLOCK", description = "${COMPLETION-CANDIDATES}: the records' "
            + "timestamps. import: the clock when each is sent; mrt: the MRT times, which a broker deletes at its "
            + "next retention check unless the input topics keep records that old (retention.ms=-1).")
    private RecordTimes recordTimes = RecordTimes.IMPORT;

    @Option(names = "--wait", paramLabel = "SECONDS", description = "How long to wait for the results of interface "
            + "changes and of the final SYNC.")
    private int waitSeconds = 300;

    @Option(names = "--progress", paramLabel = "WHEN", description = "${COMPLETION-CANDIDATES}: a progress bar on "
            + "standard error (auto: on an interactive terminal; otherwise a line every 5 s).")
    private ProgressMode progressMode = ProgressMode.AUTO;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topicOptions;

    ImportCommand(Stdio stdio) {
        this.stdio = stdio;
    }

    @Override
    public Integer call() throws Exception {
        ImportSettings settings = settings();
        checkFiles();
        Topics topics = topicOptions.topics();
        Map<String, String> client = cluster.clientProperties(kafka);
        InputProducers.requireTopics(client, List.of(topics.routeAdverts(), topics.interfaceChanges(),
                topics.commandResults()), cluster.bootstrapServers());
        ImportSummary summary;
        try (Producer<String, String> producer = new KafkaProducer<>(InputProducers.properties(
                "rtm-streams-import", client), new StringSerializer(), new StringSerializer());
             CommandResults results = new CommandResults(consumer(client), topics.commandResults(), router,
                     settings.requestIdPrefix());
             ImportProgress progress = progress()) {
            summary = new ImportRun(settings, topics, producer, results, Duration.ofSeconds(waitSeconds), progress)
                    .run(files);
        }
        summary.lines().forEach(spec.commandLine().getOut()::println);
        if (!summary.readAnything()) {
            spec.commandLine().getErr().println("import: no MRT record could be read from " + files);
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private ImportSettings settings() {
        try {
            TableId.checkRouter(router);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--router': " + e.getMessage());
        }
        OptionChecks.between(spec, "--rtm-instance", rtmInstance, 0, 65_535);
        OptionChecks.atLeast(spec, "--wait", waitSeconds, 1);
        String prefix = "import-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        return new ImportSettings(router, rtmInstance, bgp.instanceId, cost, bgp.ebgpPreference,
                bgp.ibgpPreference, localAs, interfacePerPath, recordTimes, prefix);
    }

    private void checkFiles() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "FILE: no such file: " + file);
            }
        }
    }

    private ImportProgress progress() {
        if (progressMode.shows(true, stdio.interactive())) {
            return ImportProgress.bars(stdio.err(), spec.commandLine().getErr());
        }
        return ImportProgress.lines(spec.commandLine().getErr());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, String> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rtm-streams-import-results");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
