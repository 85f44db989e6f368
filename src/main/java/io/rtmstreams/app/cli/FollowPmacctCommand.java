package io.rtmstreams.app.cli;

import io.rtmstreams.app.follow.FollowSettings;
import io.rtmstreams.app.follow.PmacctFollower;
import io.rtmstreams.app.follow.pmacct.PmacctSettings;
import io.rtmstreams.app.follow.pmacct.PmacctTally;
import io.rtmstreams.app.importer.ImportSettings;
import io.rtmstreams.net.IpAddress;
import io.rtmstreams.rtm.TableId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code follow pmacct}: runs a {@link PmacctFollower} until stopped, with a status line every 10 s and the totals
 * at the end.
 */
@Command(name = "pmacct", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, showDefaultValues = true,
        description = {
            "Follows pmacct's BMP msglog topic (pmbmpd or nfacctd with bmp_daemon_msglog_kafka_topic, JSON) and, "
                    + "exactly once, publishes every BMP router's routes as commands keyed by router: "
                    + "ADD_ROUTES/DELETE_ROUTES batches, DELETE_NEIGHBOUR_ROUTES at peer_down, a sweep and a SYNC at "
                    + "end-of-rib and at the end of each dump (D28-D30).",
            "Records it cannot map are counted and skipped; malformed ones go to the rejected topic. Runs until "
                    + "SIGTERM or Ctrl-C; a restart continues where the last commit ended."})
final class FollowPmacctCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    private final Supplier<StopSignal> stops;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from-topic", paramLabel = "TOPIC", required = true,
            description = "pmacct's msglog topic (its bmp_daemon_msglog_kafka_topic).")
    private String fromTopic;

    @Option(names = "--dump-topic", paramLabel = "TOPIC", description = "pmacct's dump topic "
            + "(bmp_dump_kafka_topic), when it is not the msglog topic.")
    private String dumpTopic;

    @Option(names = "--router-map", paramLabel = "FILE", description = "Router names: lines of 'ADDRESS NAME' "
            + "(pmacct's bmp_router, the rtm-streams router id); '#' starts a comment. A router not in it is named "
            + "by its address.")
    private Path routerMap;

    @Option(names = "--pre-policy", description = "Map every peer's pre-policy Adj-RIB-In (by default its "
            + "post-policy one where the peer has it).")
    private boolean prePolicy;

    @Option(names = "--name", paramLabel = "NAME", description = "The adapter's name: its consumer group, "
            + "transactional id, request-id prefix and state topic (NAME-state). One name, one running adapter.")
    private String name = "rtm-follow-pmacct";

    @Option(names = "--start-at", paramLabel = "WHERE", description = "${COMPLETION-CANDIDATES}: where to start "
            + "in the collector's topics when the adapter has no committed position yet.")
    private StartAt startAt = StartAt.EARLIEST;

    @Mixin
    private BgpEntityOptions bgp;

    @Option(names = "--loc-rib-preference", paramLabel = "N", description = "Preference of Loc-RIB paths (RFC "
            + "9069), whose records do not tell external from internal.")
    private long locRibPreference = ImportSettings.EBGP_DISTANCE;

    @Option(names = "--commit-interval-ms", paramLabel = "MS", description = "How long a transaction collects "
            + "records at most before it commits.")
    private int commitIntervalMs = 100;

    @Mixin
    private ClusterOptions cluster;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topicOptions;

    enum StartAt { EARLIEST, LATEST }

    FollowPmacctCommand(Supplier<StopSignal> stops) {
        this.stops = stops;
    }

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast(spec, "--commit-interval-ms", commitIntervalMs, 1);
        PmacctSettings mapping = new PmacctSettings(routerMap(), prePolicy, bgp.instanceId, bgp.ebgpPreference,
                bgp.ibgpPreference, locRibPreference, name + "-");
        FollowSettings settings = new FollowSettings(name, fromTopic, dumpTopic, topicOptions.topics(), mapping,
                cluster.clientProperties(kafka), startAt == StartAt.LATEST, Duration.ofMillis(commitIntervalMs));
        PrintWriter err = spec.commandLine().getErr();
        StopSignal stop = stops.get();
        try {
            stop.holdShutdown();
            err.println("follow pmacct: " + settings.inputTopics() + " -> " + settings.topics().routeAdverts()
                    + ", " + settings.topics().interfaceChanges() + " on " + cluster.bootstrapServers()
                    + " (state: " + settings.stateTopic() + ")");
            PmacctFollower.Totals totals = new PmacctFollower(settings, new Status(err)).run(stop::isRequested);
            summary(totals).forEach(spec.commandLine().getOut()::println);
            return ExitCodes.OK;
        } finally {
            stop.finished();
        }
    }

    private Map<String, String> routerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (routerMap == null) {
            return map;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(routerMap);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--router-map: cannot read " + routerMap + ": " + e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("expected 'ADDRESS NAME'");
                }
                IpAddress.parse(parts[0]);
                TableId.checkRouter(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--router-map: " + routerMap + " line " + (i + 1)
                        + ": " + e.getMessage());
            }
            map.put(parts[0], parts[1]);
        }
        return map;
    }

    static List<String> summary(PmacctFollower.Totals t) {
        PmacctTally tally = t.tally();
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format("follow pmacct: %,d records in %,d transactions: %,d commands (%,d routes added, "
                + "%,d deleted), %,d interface changes, %,d rejected", t.records(), t.transactions(), t.commands(),
                tally.routes(), tally.deletes(), t.interfaces(), t.rejected()));
        tally.read().forEach((type, n) -> lines.add(String.format("  read %-32s %,d", type, n)));
        tally.skipped().forEach((reason, n) -> lines.add(String.format("  skipped %-29s %,d", reason, n)));
        return lines;
    }

    /** A status line at most every 10 s, and problems as they come. */
    private static final class Status implements PmacctFollower.Listener {

        private final PrintWriter err;
        private long lastNanos = System.nanoTime();
        private long lastRecords;

        Status(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void committed(PmacctFollower.Totals t) {
            long now = System.nanoTime();
            if (now - lastNanos < STATUS_EVERY.toNanos()) {
                return;
            }
            double rate = (t.records() - lastRecords) * 1e9 / (now - lastNanos);
            err.printf("follow pmacct: %,d records (%,.0f/s), %,d commands, %,d rejected, lag %,d%n", t.records(),
                    rate, t.commands(), t.rejected(), t.lag());
            lastNanos = now;
            lastRecords = t.records();
        }

        @Override
        public void warning(String message) {
            err.println("follow pmacct: " + message);
        }
    }
}
