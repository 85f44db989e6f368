package io.rtmstreams.app.cli;

import io.rtmstreams.app.loadgen.ChurnMix;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.KafkaSink;
import io.rtmstreams.app.loadgen.LoadPlan;
import io.rtmstreams.app.loadgen.LoadProgress;
import io.rtmstreams.app.loadgen.LoadReport;
import io.rtmstreams.app.loadgen.LoadRun;
import io.rtmstreams.app.loadgen.Pacer;
import io.rtmstreams.app.loadgen.ResultWatcher;
import io.rtmstreams.app.loadgen.RibEntry;
import io.rtmstreams.app.loadgen.RibText;
import io.rtmstreams.rtm.Command.Batch;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Synthetic fleet load for benchmarks and soak runs ({@link io.rtmstreams.app.loadgen}): N routers carrying M
 * prefixes of a real table, their initial load, then churn at a rate or as fast as possible, with progress and a
 * report of what was sent and how soon the processor had applied it.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Sends a synthetic fleet's load: every router registers a BGP entity, brings its interfaces up (and "
                    + "waits for their results), sends its table of prefixes drawn from a real RIB dump and a SYNC; "
                    + "then churn (route updates, withdrawals, interface flaps) for --count events or --duration "
                    + "seconds, at --rate events/s or as fast as possible, and a SYNC per router.",
            "Prints per phase and in all the records and adverts sent, and with --wait the time to the last SYNC "
                    + "result and the adverts/s to it. The same options and --seed send the same records; against "
                    + "fresh topics the processor then holds exactly the best routes the generator's model "
                    + "predicts."})
final class LoadgenCommand implements Callable<Integer> {

    private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

    private final Stdio stdio;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topicOptions;

    @Option(names = "--rib", paramLabel = "FILE",
            description = "Normalized RIB dump (plain or gzip text, ../shared/data/README.md) the prefixes are "
                    + "drawn from; relative to the working directory.")
    private Path rib = Path.of(RibText.DEFAULT_FILE);

    @Option(names = "--peer", paramLabel = "ADDRESS",
            description = "The peer of the dump whose IPv4 prefixes are drawn (AS30844, 497,321 prefixes, in the "
                    + "default file).")
    private String peer = RibText.DEFAULT_PEER;

    @Option(names = "--routers", paramLabel = "N", description = "Routers of the fleet.")
    private int routers = 3;

    @Option(names = "--router-prefix", paramLabel = "PREFIX",
            description = "Router names: PREFIX1 to PREFIXN (keys of the records, partitioned by the Java client).")
    private String routerPrefix = "r";

    @Option(names = "--prefixes", paramLabel = "M",
            description = "Prefixes per router, drawn at random with the seed and kept in the table's order; 0: "
                    + "all of the peer's.")
    private int prefixes;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "${COMPLETION-CANDIDATES}: every router carries the same prefixes, or the prefixes are "
                    + "dealt out over the routers (one table over a fleet).")
    private FleetShape.Layout layout = FleetShape.Layout.SHARED;

    @Option(names = "--interfaces", paramLabel = "K",
            description = "Interfaces per router (1-255); prefix j is behind interface j mod K + 1.")
    private int interfaces = 4;

    @Option(names = "--peers", paramLabel = "P",
            description = "BGP neighbours per interface (1-16), each advertising every prefix behind it: P routes "
                    + "per destination, peer p prepending p hops.")
    private int peers = 1;

    @Option(names = "--batch", paramLabel = "N",
            description = "Routes per command, 1-5000: batches are ADD_ROUTES and DELETE_ROUTES with ack ERRORS "
                    + "(D25, D26), churn batches 1 to N routes; 1 sends single ADD_ROUTE and DELETE_ROUTE, each "
                    + "answered.")
    private int batch = 5_000;

    @Option(names = "--count", paramLabel = "N",
            description = "Churn events after the initial load (a route updated or withdrawn, an interface "
                    + "flapped); 0: none.")
    private long count = 100_000;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Churn for this long instead of --count events.")
    private Integer duration;

    @Option(names = "--rate", paramLabel = "EVENTS/S", description = "Churn events per second; 0: as fast as "
            + "possible.")
    private double rate;

    @Option(names = "--mix", paramLabel = "U:W:F",
            description = "Weights of updates, withdrawals and interface flaps among the churn events. A flap "
                    + "recomputes every destination behind the interface twice (M / K of them).")
    private String mix = "90:10:0";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the prefixes drawn and of the churn.")
    private long seed = 1;

    @Option(names = "--wait", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "Wait for the SYNC results that end each phase (and for the flaps' results before the "
                    + "last); false: a phase ends when its records are sent.")
    private boolean await = true;

    @Option(names = "--result-timeout-ms", paramLabel = "MS",
            description = "How long to wait for awaited results after a phase's last record.")
    private int resultTimeoutMs = 600_000;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "${COMPLETION-CANDIDATES}: a progress bar on standard error (auto: on an interactive "
                    + "terminal, a line every 5 s otherwise; never: neither).")
    private ProgressMode progressMode = ProgressMode.AUTO;

    LoadgenCommand(Stdio stdio) {
        this.stdio = stdio;
    }

    @Override
    public Integer call() throws Exception {
        List<RibEntry> table = table();
        LoadPlan plan = plan(table);
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(plan, table.size()));
        Topics topics = topicOptions.topics();
        Map<String, String> client = cluster.clientProperties(kafka);
        InputProducers.requireTopics(client, List.of(topics.routeAdverts(), topics.interfaceChanges(),
                topics.commandResults()), cluster.bootstrapServers());
        LoadReport report;
        try (LoadProgress progress = progress();
             KafkaSink sink = new KafkaSink(new KafkaProducer<>(InputProducers.properties("rtm-streams-loadgen",
                     client), new StringSerializer(), new ByteArraySerializer()), topics);
             ResultWatcher results = new ResultWatcher(consumer(client), topics.commandResults(),
                     plan.shape().routers())) {
            report = new LoadRun(plan, sink, results, progress, Pacer.Clock.SYSTEM, await,
                    Duration.ofMillis(resultTimeoutMs)).run();
        }
        report.lines().forEach(out::println);
        if (report.failedRoutes() > 0) {
            spec.commandLine().getErr().printf("loadgen: %,d routes or commands failed%n", report.failedRoutes());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** The plan the options describe over {@code table}, the peer's routes in the dump. */
    LoadPlan plan(List<RibEntry> table) {
        OptionChecks.atLeast(spec, "--routers", routers, 1);
        OptionChecks.atLeast(spec, "--prefixes", prefixes, 0);
        OptionChecks.between(spec, "--interfaces", interfaces, 1, FleetShape.MAX_INTERFACES);
        OptionChecks.between(spec, "--peers", peers, 1, FleetShape.MAX_PEERS);
        OptionChecks.between(spec, "--batch", batch, 1, Batch.MAX_ROUTES);
        OptionChecks.atLeast(spec, "--result-timeout-ms", resultTimeoutMs, 1);
        if (duration != null) {
            OptionChecks.atLeast(spec, "--duration", duration, 0);
        }
        if (count < 0 || !(rate >= 0) || Double.isInfinite(rate)) {
            throw usage("--count and --rate are not negative");
        }
        try {
            FleetShape shape = LoadPlan.shape(table, prefixes == 0 ? Integer.MAX_VALUE : prefixes,
                    FleetShape.routerNames(routerPrefix, routers), layout, interfaces, peers, seed);
            return new LoadPlan(shape, batch, ChurnMix.parse(mix), rate, count,
                    duration == null ? null : Duration.ofSeconds(duration), seed);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The peer's routes in the dump. */
    List<RibEntry> table() throws IOException {
        try {
            return RibText.read(rib, peer);
        } catch (NoSuchFileException e) {
            throw usage("--rib: no such file: " + rib.toAbsolutePath().normalize() + " (the default is relative to "
                    + "a checkout's working directory)");
        }
    }

    private static String describe(LoadPlan plan, int tableSize) {
        FleetShape s = plan.shape();
        String churn = !plan.churns() ? "no churn"
                : (plan.duration() != null ? "churn for " + plan.duration().toSeconds() + " s"
                : String.format(Locale.ROOT, "churn of %,d events", plan.count()))
                + (plan.rate() > 0 ? String.format(Locale.ROOT, " at %,.0f/s", plan.rate()) : " as fast as possible")
                + " (mix " + plan.mix() + ")";
        String carrying = s.layout() == FleetShape.Layout.SHARED ? "carrying " + count(s.table(0).size())
                + " prefixes each" : "sharing out " + count(s.routes() / s.peers()) + " prefixes";
        return String.format(Locale.ROOT, "loadgen: %s %s (drawn from the peer's %,d), %s and %s each: %,d routes; "
                        + "batches of %,d; %s; seed %d", count(s.routerCount(), "router"), carrying, tableSize,
                count(s.interfaces(), "interface"), count(s.peers(), "peer"), s.routes(), plan.batch(), churn,
                plan.seed());
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String count(long n, String thing) {
        return count(n) + " " + thing + (n == 1 ? "" : "s");
    }

    private LoadProgress progress() {
        return switch (progressMode) {
            case NEVER -> LoadProgress.NONE;
            case ALWAYS -> LoadgenProgress.bars(stdio.err());
            case AUTO -> stdio.interactive() ? LoadgenProgress.bars(stdio.err())
                    : LoadgenProgress.lines(spec.commandLine().getErr(), System::nanoTime, LINE_INTERVAL_NANOS);
        };
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, String> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "rtm-streams-loadgen-results");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
