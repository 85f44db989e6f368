package io.rtmstreams.it;

import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    private static final List<Entity> ENTITIES = List.of(Entity.RIP, Entity.OSPF, Entity.STATIC);
    private static final Map<Entity, Hop> VIA = Map.of(
            Entity.RIP, new Hop("192.0.2.1", 1),
            Entity.OSPF, new Hop("192.0.2.2", 2),
            Entity.STATIC, new Hop("192.0.2.3", 3));

    private static TestBroker broker;

    private final Random random = new Random(0x5CA1E);
    private final Map<String, Commands> routers = new LinkedHashMap<>();
    private final List<Input> sent = new ArrayList<>();
    private long clock = System.currentTimeMillis();

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void everyRouterIsAnsweredFromEitherInstanceAndSurvivesTheMoveWhenOneStops(@TempDir Path dataA,
                                                                               @TempDir Path dataB) throws Exception {
        RtmTestApp app = RtmTestApp.unique("scale", PARTITIONS);
        twoRoutersPerPartition().forEach(r -> routers.put(r, new Commands(r)));
        try (RtmRuntime a = app.start(bootstrap(), dataA, Map.of());
             CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), app.topics())) {
            QueryClient apiA = new QueryClient(a.api().port());
            try (RtmRuntime b = app.start(bootstrap(), dataB, Map.of())) {
                QueryClient apiB = new QueryClient(b.api().port());
                awaitTasksSpreadOver(a, b);
                send(app, outputs, firstRound());

                SortedMap<String, String> expected = expectedAnswers(app);
                Map<String, String> servedByA = new TreeMap<>();
                assertSameMaps("answers of instance A", expected, answers(apiA, servedByA));
                Map<String, String> servedByB = new TreeMap<>();
                assertSameMaps("answers of instance B", expected, answers(apiB, servedByB));
                assertThat(servedByB).as("the owner of each router's answers").isEqualTo(servedByA);
                assertThat(servedByA.values()).as("both instances own routers, so each forwarded some queries")
                        .contains(address(a), address(b));
            }
            RtmTestApp.awaitRunning(a);
            send(app, outputs, secondRound());

            Map<String, String> servedByA = new TreeMap<>();
            assertSameMaps("answers of instance A alone", expectedAnswers(app), answers(apiA, servedByA));
            assertThat(servedByA.values()).as("who answered after B left").containsOnly(address(a));

            Map<String, List<OutputRecord>> expected = TopologyOracle.run(app.settings(), sent, clock + 1_000);
            awaitSameOutputs(outputs, expected, app.topics().prefix());
        }
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    private static String address(RtmRuntime r) {
        return "127.0.0.1:" + r.api().port();
    }

    /** Router names that the default partitioner spreads two to each partition (it hashes the key, D2). */
    private static List<String> twoRoutersPerPartition() {
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        for (int n = 1; byPartition.values().stream().mapToInt(List::size).sum() < 2 * PARTITIONS; n++) {
            String router = "router-" + n;
            int partition = Utils.toPositive(Utils.murmur2(Input.utf8(router))) % PARTITIONS;
            List<String> on = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (on.size() < 2) {
                on.add(router);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
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

    // ---- input ------------------------------------------------------------------------------------------------

    private List<Input> firstRound() {
        List<Input> round = new ArrayList<>();
        for (Commands c : routers.values()) {
            ENTITIES.forEach(e -> round.add(Input.command(c.register(e, null), clock++)));
            for (String prefix : prefixes(c.router())) {
                for (Entity e : ENTITIES) {
                    if (random.nextInt(3) > 0) {
                        round.add(add(c, e, prefix));
                    }
                }
            }
        }
        return round;
    }

    private List<Input> secondRound() {
        List<Input> round = new ArrayList<>();
        for (int n = 0; n < 16 * routers.size(); n++) {
            Commands c = new ArrayList<>(routers.values()).get(random.nextInt(routers.size()));
            List<String> prefixes = prefixes(c.router());
            String prefix = prefixes.get(random.nextInt(prefixes.size()));
            Entity e = ENTITIES.get(random.nextInt(ENTITIES.size()));
            round.add(random.nextInt(3) == 0 ? Input.command(c.deleteRoute(e, prefix, VIA.get(e)), clock++)
                    : add(c, e, prefix));
        }
        return round;
    }

    private Input add(Commands c, Entity e, String prefix) {
        List<String> views = e.equals(Entity.OSPF) ? List.of("unicast", "multicast") : List.of("unicast");
        return Input.command(c.addRoute(e, prefix, VIA.get(e), random.nextBoolean() ? 10 : 20, random.nextInt(5),
                views), clock++);
    }

    private static List<String> prefixes(String router) {
        String n = router.substring(router.indexOf('-') + 1);
        List<String> p = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            p.add("10." + n + "." + k + ".0/24");
        }
        return p;
    }

    private void send(RtmTestApp app, CommittedOutputs outputs, List<Input> round) {
        try (InputProducer producer = new InputProducer(bootstrap(), app.topics())) {
            producer.send(round);
        }
        sent.addAll(round);
        int commands = sent.size();
        outputs.await(commands + " command results", o -> o.count("command-results") >= commands);
    }

    // ---- queries ----------------------------------------------------------------------------------------------

    /** What the API must answer for every destination of every router, by the test driver's best routes. */
    private SortedMap<String, String> expectedAnswers(RtmTestApp app) {
        return DestinationAnswers.expected(TopologyOracle.run(app.settings(), sent, clock).get("best-routes"),
                prefixesByRouter());
    }

    /** The API's answers for every destination of every router; records who computed each router's answers. */
    private SortedMap<String, String> answers(QueryClient api, Map<String, String> servedBy) {
        return DestinationAnswers.of(api, prefixesByRouter(), servedBy);
    }

    private Map<String, List<String>> prefixesByRouter() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        routers.keySet().forEach(r -> p.put(r, prefixes(r)));
        return p;
    }
}
