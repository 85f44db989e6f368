package io.rtmstreams.app.cli;

import io.rtmstreams.app.AppConfig;
import io.rtmstreams.app.Failover;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.iphlp.IphlpConfig;
import io.rtmstreams.iphlp.MetricTable;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.streams.OutputSelection;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The processor: the embedded broker when no cluster is given, the topics, Kafka Streams (and the query API, which
 * {@link RtmRuntime} serves). It runs until SIGTERM or Ctrl-C and then closes cleanly: Kafka Streams leaves the
 * group, the embedded broker shuts down, local state stays.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Runs the processor and the query API until SIGTERM or Ctrl-C.",
            "Without --bootstrap-servers it starts a single-node Kafka broker (KRaft) in this process, with its data "
                    + "in DATA_DIR/kafka (kept across restarts), and creates the topics; with it, it runs against "
                    + "that cluster and creates missing topics."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final AppConfig DEFAULTS = AppConfig.defaults();
    private static final Duration STATE_POLL = Duration.ofMillis(100);
    private static final Duration HEALTH_POLL = Duration.ofSeconds(1);
    private static final Duration WAITING_NOTICE = Duration.ofSeconds(10);
    private static final Set<KafkaStreams.State> STOPPED = Set.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final Supplier<StopSignal> stops;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "The Kafka cluster to run against. Absent: a broker embedded in this process.")
    private String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Local data: Kafka Streams state (state/) and the embedded broker's log (kafka/).")
    private Path dataDir = DEFAULTS.dataDir();

    @Option(names = "--embedded-port", paramLabel = "PORT",
            description = "Port of the embedded broker (0: any free port). Ignored with --bootstrap-servers.")
    private int embeddedPort = DEFAULTS.embeddedPort();

    @Option(names = "--application-id", paramLabel = "ID",
            description = "Kafka Streams application id: instances with the same id share the partitions.")
    private String applicationId = DEFAULTS.applicationId();

    @Mixin
    private TopicOptions topicOptions;

    @Mixin
    private TopicLayoutOptions layout;

    @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE",
            description = "${COMPLETION-CANDIDATES}: exactly-once commits each command's outputs and state "
                    + "together (D19).")
    private ProcessingGuarantee processingGuarantee = DEFAULTS.exactlyOnce()
            ? ProcessingGuarantee.EXACTLY_ONCE_V2 : ProcessingGuarantee.AT_LEAST_ONCE;

    @Option(names = "--standby-replicas", paramLabel = "N",
            description = "Standby copies of each state store on other instances, for fast fail-over (with one "
                    + "instance they wait for a second).")
    private int standbyReplicas = DEFAULTS.failover().standbyReplicas();

    @Option(names = "--session-timeout-ms", paramLabel = "MS",
            description = "How long the group waits for a silent instance before its routers move to the others: "
                    + "shorter fails over sooner, but a longer pause (GC, VM stall, network) moves them needlessly.")
    private int sessionTimeoutMs = (int) DEFAULTS.failover().sessionTimeout().toMillis();

    @Option(names = "--heartbeat-interval-ms", paramLabel = "MS",
            description = "How often an instance tells the group it lives; below a third of the session timeout.")
    private int heartbeatIntervalMs = (int) DEFAULTS.failover().heartbeatInterval().toMillis();

    @Option(names = "--transaction-timeout-ms", paramLabel = "MS",
            description = "Exactly-once: an open transaction is aborted after this; keep it well above the longest "
                    + "transaction (about 2 s, D24). It ends a dead instance's transaction when fencing cannot.")
    private int transactionTimeoutMs = (int) DEFAULTS.failover().transactionTimeout().toMillis();

    @Option(names = "--stream-threads", paramLabel = "N", description = "Kafka Streams threads of this instance.")
    private int streamThreads = DEFAULTS.streamThreads();

    @Option(names = "--max-next-hops", paramLabel = "N",
            description = "MaxNextHopsInRoute: next hops one route may list, 1-64 (D9).")
    private int maxNextHops = DEFAULTS.settings().rtm().maxNextHopsInRoute();

    @Option(names = "--auto-register", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "A command from an unregistered entity registers it first (D5; for importers).")
    private boolean autoRegister = DEFAULTS.settings().rtm().autoRegister();

    @Option(names = "--strict-interfaces", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "A next hop on an interface the router never reported is unusable instead of usable "
                    + "with interface metric 0 (D12).")
    private boolean strictInterfaces = DEFAULTS.settings().iphlp().strictInterfaces();

    @Option(names = "--metric-table", paramLabel = "TABLE",
            description = "Automatic interface metrics (D15): ${COMPLETION-CANDIDATES}.")
    private MetricTable metricTable = DEFAULTS.settings().iphlp().metricTable();

    @Option(names = "--step-size", paramLabel = "N",
            description = "Bounded work (D24): the most destinations, timers or notifications one record or "
                    + "punctuation handles before the stream thread may commit; larger work goes on in steps.")
    private int stepSize = DEFAULTS.settings().stepUnits();

    @Option(names = "--step-millis", paramLabel = "MS",
            description = "Bounded work (D24): the most wall-clock time one step starts work for.")
    private int stepMillis = (int) DEFAULTS.settings().stepMillis();

    @Option(names = "--dest-changes", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "Write rtm.dest-changes; false saves its writes when nobody consumes it.")
    private boolean destChanges = DEFAULTS.settings().outputs().destChanges();

    @Option(names = "--notifications", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "Write rtm.notifications (the change notifications of registrations, R105); false saves "
                    + "its writes when nobody consumes it.")
    private boolean notifications = DEFAULTS.settings().outputs().notifications();

    @Option(names = "--fleet-view", paramLabel = "BOOLEAN", arity = "0..1", fallbackValue = "true",
            description = "Keep the fleet view: rtm.fleet-routes and /v1/fleet/prefixes (false: neither is fed).")
    private boolean fleetView = DEFAULTS.settings().outputs().fleetView();

    @Option(names = "--results", paramLabel = "WHICH",
            description = "Command results to publish: ${COMPLETION-CANDIDATES}. ALL: one per command (D20); "
                    + "ERRORS: failures only, as if every command said ack ERRORS (D26).")
    private Ack results = DEFAULTS.settings().outputs().results();

    @Option(names = "--api-host", paramLabel = "HOST",
            description = "Address the query API binds to (0.0.0.0: every interface).")
    private String apiHost = DEFAULTS.apiHost();

    @Option(names = "--api-port", paramLabel = "PORT", description = "Port of the query API (0: any free port).")
    private int apiPort = DEFAULTS.apiPort();

    @Option(names = "--advertised-host", paramLabel = "HOST",
            description = "Host name other instances use to forward queries to this one (default: the API host, "
                    + "localhost for 0.0.0.0).")
    private String advertisedHost;

    @Mixin
    private KafkaClientOptions kafka;

    RunCommand(Supplier<StopSignal> stops) {
        this.stops = stops;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig config = appConfig();
        StopSignal stop = stops.get();
        try {
            return runUntilStopped(config, stop);
        } finally {
            stop.finished();
        }
    }

    /** The configuration the options describe; range errors are usage errors naming the option. */
    AppConfig appConfig() {
        int embedded = OptionChecks.port(spec, "--embedded-port", embeddedPort);
        int threads = OptionChecks.atLeast(spec, "--stream-threads", streamThreads, 1);
        int api = OptionChecks.port(spec, "--api-port", apiPort);
        return new AppConfig(bootstrapServers, dataDir, embedded, applicationId, streamsSettings(),
                layout.partitions(), layout.replicationFactor(), processingGuarantee.exactlyOnce(), failover(),
                threads, apiHost, api, advertisedHost, kafka.resolve());
    }

    private Failover failover() {
        int session = OptionChecks.atLeast(spec, "--session-timeout-ms", sessionTimeoutMs, 1);
        int heartbeat = OptionChecks.between(spec, "--heartbeat-interval-ms", heartbeatIntervalMs, 1, session - 1);
        return new Failover(OptionChecks.atLeast(spec, "--standby-replicas", standbyReplicas, 0),
                Duration.ofMillis(session), Duration.ofMillis(heartbeat),
                Duration.ofMillis(OptionChecks.atLeast(spec, "--transaction-timeout-ms", transactionTimeoutMs, 1)));
    }

    private StreamsSettings streamsSettings() {
        RtmConfig rtm = DEFAULTS.settings().rtm()
                .withMaxNextHopsInRoute(OptionChecks.between(spec, "--max-next-hops", maxNextHops, 1, 64))
                .withAutoRegister(autoRegister);
        return DEFAULTS.settings().withTopics(topicOptions.topics()).withRtm(rtm)
                .withIphlp(new IphlpConfig(strictInterfaces, metricTable))
                .withStep(OptionChecks.atLeast(spec, "--step-size", stepSize, 1),
                        OptionChecks.atLeast(spec, "--step-millis", stepMillis, 1))
                .withOutputs(new OutputSelection(destChanges, notifications, fleetView, results));
    }

    private int runUntilStopped(AppConfig config, StopSignal stop) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(startingMessage(config));
        long started = System.nanoTime();
        RtmRuntime runtime = RtmRuntime.start(config);
        stop.holdShutdown();
        try {
            if (!awaitRunning(runtime.streams(), stop, out)) {
                return stop.isRequested() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            LOG.info("rtm-streams started in {}", StartupReport.seconds(secondsSince(started)));
            StartupReport.lines(runtime).forEach(out::println);
            return awaitStop(runtime.streams(), stop);
        } finally {
            close(runtime, out);
        }
    }

    private static String startingMessage(AppConfig config) {
        return config.embedded()
                ? "Starting rtm-streams with an embedded Kafka broker (data in "
                        + config.dataDir().resolve("kafka").toAbsolutePath().normalize() + ")..."
                : "Starting rtm-streams on Kafka " + config.bootstrapServers() + "...";
    }

    /** Waits until Kafka Streams runs; false when it stopped or a stop was requested first. */
    private static boolean awaitRunning(KafkaStreams streams, StopSignal stop, PrintWriter out)
            throws InterruptedException {
        long started = System.nanoTime();
        long nextNotice = WAITING_NOTICE.toNanos();
        while (!stop.awaitRequest(STATE_POLL)) {
            KafkaStreams.State state = streams.state();
            if (state == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (STOPPED.contains(state)) {
                LOG.error("Kafka Streams stopped while starting ({}); the errors above say why", state);
                return false;
            }
            if (System.nanoTime() - started > nextNotice) {
                out.println("  still waiting for Kafka Streams (" + state + ": joining the group, restoring state)");
                nextNotice += WAITING_NOTICE.toNanos();
            }
        }
        return false;
    }

    /** Runs until a stop is requested (exit 0) or Kafka Streams stops by itself (exit 1). */
    private static int awaitStop(KafkaStreams streams, StopSignal stop) throws InterruptedException {
        while (!stop.awaitRequest(HEALTH_POLL)) {
            KafkaStreams.State state = streams.state();
            if (STOPPED.contains(state)) {
                LOG.error("Kafka Streams stopped by itself ({}); the errors above say why", state);
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }

    private static void close(RtmRuntime runtime, PrintWriter out) {
        out.println("Stopping rtm-streams (leaving the consumer group" + (runtime.broker() != null
                ? ", then stopping the embedded broker)..." : ")..."));
        long started = System.nanoTime();
        runtime.close();
        LOG.info("rtm-streams stopped in {}", StartupReport.seconds(secondsSince(started)));
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
