package io.rtmstreams.it;

import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;
import io.rtmstreams.streams.Placement;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fleet of routers spread evenly over the partitions (the default partitioner hashes the router, D2), and the input
 * of the tests that move routers between instances: a first round in which every router registers three entities
 * and adds routes to six prefixes of its own, and later rounds of random adds and deletes. It keeps what was sent and
 * when, so that the answers an uninterrupted run gives (the test driver, {@link TopologyOracle}) can be computed.
 */
final class RouterFleet {

    private static final List<Entity> ENTITIES = List.of(Entity.RIP, Entity.OSPF, Entity.STATIC);
    private static final Map<Entity, Hop> VIA = Map.of(
            Entity.RIP, new Hop("192.0.2.1", 1),
            Entity.OSPF, new Hop("192.0.2.2", 2),
            Entity.STATIC, new Hop("192.0.2.3", 3));

    private final Random random;
    private final Map<String, Commands> routers = new LinkedHashMap<>();
    private final List<Input> sent = new ArrayList<>();
    private long clock = System.currentTimeMillis();

    /** {@code perPartition} routers on each of {@code partitions} partitions; {@code seed} makes the input. */
    RouterFleet(long seed, int partitions, int perPartition) {
        this.random = new Random(seed);
        spread(partitions, perPartition).forEach(r -> routers.put(r, new Commands(r)));
    }

    /** Router names that the default partitioner spreads {@code perPartition} to each partition. */
    private static List<String> spread(int partitions, int perPartition) {
        Map<Integer, List<String>> byPartition = new TreeMap<>();
        for (int n = 1; byPartition.values().stream().mapToInt(List::size).sum() < perPartition * partitions; n++) {
            String router = "router-" + n;
            List<String> on = byPartition.computeIfAbsent(Placement.partition(Input.utf8(router), partitions),
                    p -> new ArrayList<>());
            if (on.size() < perPartition) {
                on.add(router);
            }
        }
        return byPartition.values().stream().flatMap(List::stream).toList();
    }

    /** Every router registers its entities and adds a route from about two of them to each of its prefixes. */
    List<Input> firstRound() {
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

    /** {@code perRouter} commands per router on average: adds (two in three) and deletes of random routes. */
    List<Input> laterRound(int perRouter) {
        List<Input> round = new ArrayList<>();
        List<Commands> all = new ArrayList<>(routers.values());
        for (int n = 0; n < perRouter * routers.size(); n++) {
            Commands c = all.get(random.nextInt(all.size()));
            List<String> prefixes = prefixes(c.router());
            String prefix = prefixes.get(random.nextInt(prefixes.size()));
            Entity e = ENTITIES.get(random.nextInt(ENTITIES.size()));
            round.add(random.nextInt(3) == 0 ? Input.command(c.deleteRoute(e, prefix, VIA.get(e)), clock++)
                    : add(c, e, prefix));
        }
        return round;
    }

    /** Writes {@code round} to the input topics and waits until every command sent so far has its result. */
    void send(String bootstrap, Topics topics, CommittedOutputs outputs, List<Input> round) {
        write(bootstrap, topics, round);
        int commands = sent.size();
        outputs.await(commands + " command results", o -> o.count("command-results") >= commands);
    }

    /** Writes {@code round} to the input topics. */
    void write(String bootstrap, Topics topics, List<Input> round) {
        try (InputProducer producer = new InputProducer(bootstrap, topics)) {
            producer.send(round);
        }
        sent.addAll(round);
    }

    List<Input> sent() {
        return sent;
    }

    /** One past the time of the last input: the clock an uninterrupted run is driven to. */
    long clock() {
        return clock;
    }

    /** What the query API must answer for every prefix of every router, by the test driver's best routes. */
    SortedMap<String, String> expectedAnswers(StreamsSettings settings) {
        return DestinationAnswers.expected(TopologyOracle.run(settings, sent, clock).get("best-routes"),
                prefixesByRouter());
    }

    /** The API's answers for every prefix of every router; records who computed each router's answers. */
    SortedMap<String, String> answers(QueryClient api, Map<String, String> servedBy) {
        return DestinationAnswers.of(api, prefixesByRouter(), servedBy);
    }

    private Map<String, List<String>> prefixesByRouter() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        routers.keySet().forEach(r -> p.put(r, prefixes(r)));
        return p;
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
}
