package io.rtmstreams.it;

import io.rtmstreams.app.RtmRuntime;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.rtmstreams.it.OutputComparison.assertSameMaps;
import static io.rtmstreams.it.OutputComparison.awaitSameOutputs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances with one application id share a fleet of eight routers on four partitions (D2). Each instance's
 * query API answers for every router, forwarding to the owner what it does not own, with the same answer as the
 * owner. When one instance stops (closing, so it leaves the group), the other takes over its routers: it answers for
 * all of them, processes their next commands on the state it restored, and the topics end up exactly as one
 * uninterrupted run writes them (the test driver), with every best-route key's versions counting its records (D21):
 * no best-route state lost or written twice by the move.
 */
@ExtendWith(BrokerExtension.class)
class ScaleOutIT {

    private static final int PARTITIONS = 4;

    private static TestBroker broker;

    private final RouterFleet fleet = new RouterFleet(0x5CA1E, PARTITIONS, 2);

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void everyRouterIsAnsweredFromEitherInstanceAndSurvivesTheMoveWhenOneStops(@TempDir Path dataA,
                                                                               @TempDir Path dataB) throws Exception {
        RtmTestApp app = RtmTestApp.unique("scale", PARTITIONS);
        try (RtmRuntime a = app.start(bootstrap(), dataA, Map.of());
             CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), app.topics())) {
            QueryClient apiA = new QueryClient(a.api().port());
            try (RtmRuntime b = app.start(bootstrap(), dataB, Map.of())) {
                QueryClient apiB = new QueryClient(b.api().port());
                awaitTasksSpreadOver(a, b);
                fleet.send(bootstrap(), app.topics(), outputs, fleet.firstRound());

                SortedMap<String, String> expected = fleet.expectedAnswers(app.settings());
                Map<String, String> servedByA = new TreeMap<>();
                assertSameMaps("answers of instance A", expected, fleet.answers(apiA, servedByA));
                Map<String, String> servedByB = new TreeMap<>();
                assertSameMaps("answers of instance B", expected, fleet.answers(apiB, servedByB));
                assertThat(servedByB).as("the owner of each router's answers").isEqualTo(servedByA);
                assertThat(servedByA.values()).as("both instances own routers, so each forwarded some queries")
                        .contains(address(a), address(b));
            }
            RtmTestApp.awaitRunning(a);
            fleet.send(bootstrap(), app.topics(), outputs, fleet.laterRound(16));

            Map<String, String> servedByA = new TreeMap<>();
            assertSameMaps("answers of instance A alone", fleet.expectedAnswers(app.settings()),
                    fleet.answers(apiA, servedByA));
            assertThat(servedByA.values()).as("who answered after B left").containsOnly(address(a));

            Map<String, List<OutputRecord>> expected = TopologyOracle.run(app.settings(), fleet.sent(),
                    fleet.clock() + 1_000);
            awaitSameOutputs(outputs, expected, app.topics().prefix());
        }
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    private static String address(RtmRuntime r) {
        return "127.0.0.1:" + r.api().port();
    }

    /** Both instances run and each has active tasks of the table processor. */
    private static void awaitTasksSpreadOver(RtmRuntime a, RtmRuntime b) {
        Waiting.until("both instances running table-processor tasks", () -> tableTasks(a) > 0 && tableTasks(b) > 0
                && tableTasks(a) + tableTasks(b) == PARTITIONS, () -> tableTasks(a) + " and " + tableTasks(b));
    }

    private static int tableTasks(RtmRuntime r) {
        if (r.streams().state() != KafkaStreams.State.RUNNING) {
            return 0;
        }
        return (int) r.streams().metadataForLocalThreads().stream().map(ThreadMetadata::activeTasks)
                .flatMap(Set::stream).filter(t -> t.taskId().subtopology() == 0).count();
    }
}
