package io.rtmstreams.it;

import io.rtmstreams.app.Failover;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.rtmstreams.it.OutputComparison.assertSameMaps;
import static io.rtmstreams.it.OutputComparison.awaitSameOutputs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-over after a kill -9 (issue 10). Two instances with a standby replica of every task share eight routers on
 * four partitions; one of them runs as users run it (a child JVM, {@link ChildProcessor}) and is killed with SIGKILL
 * in the middle of its input, inside an open transaction (frozen first until one is seen open). The survivor takes
 * its routers over: it aborts the dead instance's transaction rather than waiting for its timeout, starts the
 * taken-over tasks from its standbys (restoring far less than the dead instance's state), answers for every router
 * from its own state with the answers one uninterrupted run gives (the test driver), and the topics end exactly as
 * that run writes them. How long that takes is measured by the FailoverLoad benchmark, not asserted here.
 */
@ExtendWith(BrokerExtension.class)
class FailOverIT {

    private static final Logger LOG = LoggerFactory.getLogger(FailOverIT.class);
    private static final int PARTITIONS = 4;
    /** The classic protocol's shortest session the broker allows by default, to keep the test short. */
    private static final Duration SESSION = Duration.ofSeconds(6);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /**
     * Far beyond the session, so that on a slow machine the killed instance's transaction cannot time out before the
     * survivor has noticed the death: only fencing ends it within the test's patience.
     */
    private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(60);
    private static final int LIVE_SLICES = 40;

    private static TestBroker broker;

    private final RouterFleet fleet = new RouterFleet(0xFA110, PARTITIONS, 2);

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void theSurvivorAnswersForEveryRouterAsAnUninterruptedRunAfterTheOtherIsKilled(@TempDir Path dataA,
                                                                                   @TempDir Path dataB,
                                                                                   @TempDir Path work)
            throws Exception {
        RtmTestApp app = RtmTestApp.unique("failover", PARTITIONS);
        app.createTopics(bootstrap());
        Failover failover = Failover.defaults().withStandbyReplicas(1).withSessionTimeout(SESSION, HEARTBEAT)
                .withTransactionTimeout(TRANSACTION_TIMEOUT);
        try (RtmRuntime a = app.start(app.config(bootstrap(), dataA, Map.of(), failover));
             CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), app.topics());
             ChildProcessor b = ChildProcessor.start(app, bootstrap(), dataB, work, Map.of(), List.of(
                     "--standby-replicas", "1", "--session-timeout-ms", String.valueOf(SESSION.toMillis()),
                     "--heartbeat-interval-ms", String.valueOf(HEARTBEAT.toMillis()),
                     "--transaction-timeout-ms", String.valueOf(TRANSACTION_TIMEOUT.toMillis())));
             Admin admin = KafkaTestClients.admin(bootstrap())) {
            HostInfo hostB = new HostInfo("127.0.0.1", b.awaitReady());
            fleet.send(bootstrap(), app.topics(), outputs, fleet.firstRound());
            Set<Integer> partitionsOfB = awaitPartitionsOf(a, hostB);

            List<Input> live = fleet.laterRound(60);
            int killedAfter = killInsideATransaction(b, admin, app, a, live);
            long stateOfB = tableStateRecords(admin, app, partitionsOfB);
            fleet.write(bootstrap(), app.topics(), live.subList(killedAfter, live.size()));

            int commands = fleet.sent().size();
            outputs.await(commands + " command results", o -> o.count("command-results") >= commands);
            Map<String, String> servedBy = new TreeMap<>();
            assertSameMaps("answers of the survivor", fleet.expectedAnswers(app.settings()),
                    fleet.answers(new QueryClient(a.api().port()), servedBy));
            assertThat(servedBy.values()).as("who answered after the kill").containsOnly("127.0.0.1:"
                    + a.api().port());
            awaitSameOutputs(outputs, TopologyOracle.run(app.settings(), fleet.sent(), fleet.clock() + 1_000),
                    app.topics().prefix());

            LOG.info("the survivor restored {} changelog records; the killed instance's table state had {}",
                    a.restoredRecords(), stateOfB);
            assertThat(a.fencedOrphanTransactions()).as("open transactions of the killed instance the survivor "
                    + "aborted").isEqualTo(1);
            assertThat(a.restoredRecords()).as("changelog records the survivor restored, against the %d of the "
                    + "killed instance's table state: its standbys held the rest", stateOfB).isLessThan(stateOfB / 4);
        }
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    /** Waits until a's metadata gives b active tasks; returns the input partitions b owns. */
    private static Set<Integer> awaitPartitionsOf(RtmRuntime a, HostInfo b) {
        AtomicReference<Set<Integer>> owned = new AtomicReference<>(Set.of());
        Waiting.until("the instance to be killed owning partitions", () -> {
            owned.set(a.streams().metadataForAllStreamsClients().stream().filter(m -> m.hostInfo().equals(b))
                    .map(StreamsMetadata::topicPartitions).flatMap(Set::stream)
                    .filter(p -> p.topic().equals(a.config().settings().topics().routeAdverts()))
                    .map(TopicPartition::partition).collect(Collectors.toSet()));
            return !owned.get().isEmpty() && owned.get().size() < PARTITIONS;
        }, () -> "b owns " + owned.get());
        return owned.get();
    }

    /**
     * Writes the live round slice by slice until b, frozen after a slice, holds an open transaction, and kills it
     * there; returns how much of the round was written.
     */
    private int killInsideATransaction(ChildProcessor b, Admin admin, RtmTestApp app, RtmRuntime a,
                                       List<Input> live) {
        String ownPrefix = app.applicationId() + "-" + processId(a, app) + "-";
        int slice = live.size() / LIVE_SLICES;
        for (int written = slice; written <= live.size(); written += slice) {
            fleet.write(bootstrap(), app.topics(), live.subList(written - slice, written));
            Waiting.pause();
            b.freeze(true);
            if (ongoing(admin, app).stream().anyMatch(id -> !id.startsWith(ownPrefix))) {
                assertThat(b.kill()).as("exit status of the killed child").isEqualTo(137);
                return written;
            }
            b.freeze(false);
        }
        throw new AssertionError("the child never had a transaction open when frozen:\n" + b.logTail());
    }

    /** Kafka Streams' process id of the in-process instance, as its client ids show it. */
    private static String processId(RtmRuntime a, RtmTestApp app) {
        String consumer = a.streams().metadataForLocalThreads().stream().map(ThreadMetadata::consumerClientId)
                .findFirst().orElseThrow();
        return consumer.substring(app.applicationId().length() + 1, consumer.indexOf("-StreamThread-"));
    }

    private static List<String> ongoing(Admin admin, RtmTestApp app) {
        return KafkaTestClients.await(admin.listTransactions().all()).stream()
                .filter(t -> t.state() == TransactionState.ONGOING).map(TransactionListing::transactionalId)
                .filter(id -> id.startsWith(app.applicationId() + "-")).toList();
    }

    /** Records in the table-state changelog partitions of {@code partitions}: what a restore without standbys reads. */
    private static long tableStateRecords(Admin admin, RtmTestApp app, Set<Integer> partitions) {
        String changelog = app.applicationId() + "-" + StoreRegistry.TABLE_STATE + "-changelog";
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().map(p -> new TopicPartition(changelog, p))
                .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
        return KafkaTestClients.await(admin.listOffsets(latest, new ListOffsetsOptions()).all()).values().stream()
                .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
