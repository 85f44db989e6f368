package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet view (D27) against a brute-force model, through the real topology: random best-route records and
 * tombstones of many (router, rtmInstance) tables for a few prefixes in both views go to {@code rtm.best-routes}, as
 * the table processor writes them, and after each one the fleet record (or its absence) must be what the model
 * predicts - {@code routerCount} the number of tables with a best route, a tombstone at 0, the key's version counting
 * its records across tombstones (D21), nothing when the count stays - and, every so often, the members paged out of
 * the store in pages of random size must be the model's, in router then instance order, each with exactly the listed
 * fields of its latest best route. {@code -Drtm.seed=N} replays one seed, {@code -Drtm.seeds=K} soaks.
 */
class FleetViewModelTest {

    private static final int SEEDS = 5;
    private static final int STEPS = 1_500;
    private static final List<String> FLEET_KEYS = List.of("unicast|10.0.0.0/8", "unicast|10.1.0.0/16",
            "multicast|10.0.0.0/8", "unicast|2001:db8::/32", "multicast|224.1.0.0/16");

    static LongStream seeds() {
        String only = System.getProperty("rtm.seed");
        return only != null ? LongStream.of(Long.parseLong(only))
                : LongStream.rangeClosed(1, Long.getLong("rtm.seeds", SEEDS));
    }

    /** A table, ordered as the store lists members: router (UTF-8 bytes; ASCII here), then instance. */
    private record Table(String router, int rtmInstance) implements Comparable<Table> {
        @Override
        public int compareTo(Table o) {
            int c = router.compareTo(o.router);
            return c != 0 ? c : Integer.compare(rtmInstance, o.rtmInstance);
        }
    }

    /** The model: per fleet key, each table's latest best route, and the number of fleet records written. */
    private final Map<String, TreeMap<Table, JsonNode>> members = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldCountAndListTheTablesThatReachEachPrefix(long seed, @TempDir Path state) {
        Random random = new Random(seed);
        int routers = 1 + random.nextInt(400);
        try (TopologyTestDriver driver = driver(state)) {
            Topics topics = StreamsSettings.defaults().topics();
            TestInputTopic<String, String> best = driver.createInputTopic(topics.bestRoutes(),
                    new StringSerializer(), new StringSerializer());
            TestOutputTopic<String, String> fleet = driver.createOutputTopic(topics.fleetRoutes(),
                    new StringDeserializer(), new StringDeserializer());
            FleetMembers store = FleetMembers.readOnly(driver.getKeyValueStore(StoreRegistry.FLEET_STATE));
            for (int step = 1; step <= STEPS; step++) {
                String what = "seed " + seed + " (" + routers + " routers), step " + step;
                String fleetKey = FLEET_KEYS.get(random.nextInt(FLEET_KEYS.size()));
                Table table = new Table(String.format("r%03d", random.nextInt(routers)), random.nextInt(3) == 0 ? 7 : 0);
                ObjectNode record = random.nextInt(3) == 0 ? null : bestRoute(random, table, fleetKey);
                best.pipeInput(table.router() + "|" + table.rtmInstance() + "|" + fleetKey,
                        record == null ? null : record.toString(), Instant.ofEpochMilli(step));
                assertThat(fleet.readRecordsToList()).as(what).containsExactlyElementsOf(expect(fleetKey, table,
                        record, step));
                if (step % 500 == 0 || step == STEPS) {
                    FLEET_KEYS.forEach(k -> assertStore(store, k, random, what));
                }
            }
        }
    }

    /** Applies the record to the model and returns the fleet record it predicts, if any. */
    private List<TestRecord<String, String>> expect(String fleetKey, Table table, ObjectNode record, long time) {
        TreeMap<Table, JsonNode> m = members.computeIfAbsent(fleetKey, k -> new TreeMap<>());
        boolean present = m.containsKey(table);
        if (record == null) {
            m.remove(table);
        } else {
            m.put(table, listed(table, record));
        }
        if (present == (record != null)) {
            return List.of();
        }
        long version = versions.merge(fleetKey, 1L, Long::sum);
        String[] viewPrefix = fleetKey.split("\\|");
        String value = m.isEmpty() ? null : "{\"view\":\"" + viewPrefix[0] + "\",\"prefix\":\"" + viewPrefix[1]
                + "\",\"routerCount\":" + m.size() + ",\"version\":" + version + "}";
        return List.of(new TestRecord<>(fleetKey, value, Instant.ofEpochMilli(time)));
    }

    private void assertStore(FleetMembers store, String fleetKey, Random random, String what) {
        List<String> expected = members.getOrDefault(fleetKey, new TreeMap<>()).values().stream()
                .map(JsonNode::toString).toList();
        assertThat(store.tally(fleetKey).count()).as(what + ": count of " + fleetKey).isEqualTo(expected.size());
        List<String> listed = new ArrayList<>();
        FleetMembers.Position after = null;
        do {
            FleetMembers.Page page = store.page(fleetKey, after, 1 + random.nextInt(60));
            page.routers().forEach(r -> listed.add(json((String) r.rawValue()).toString()));
            after = page.next();
        } while (after != null);
        assertThat(listed).as(what + ": members of " + fleetKey).containsExactlyElementsOf(expected);
    }

    /** A best-route record as the table processor writes one, with random values in the fields a member keeps. */
    private static ObjectNode bestRoute(Random random, Table table, String fleetKey) {
        String[] viewPrefix = fleetKey.split("\\|");
        ObjectNode r = Json.MAPPER.createObjectNode().put("router", table.router())
                .put("rtmInstance", table.rtmInstance()).put("family", viewPrefix[1].contains(":") ? "ipv6" : "ipv4")
                .put("view", viewPrefix[0]).put("prefix", viewPrefix[1]).put("version", 1 + random.nextInt(9))
                .put("routeId", 1 + random.nextInt(5));
        r.putObject("owner").put("protocolId", random.nextBoolean() ? 14 : 13).put("instanceId", 1);
        r.putObject("neighbour").put("address", "192.0.2.1").put("interfaceIndex", 1);
        r.put("preference", 20).put("metric", random.nextInt(3)).put("interfaceMetric", 5)
                .put("effectiveMetric", 5 + random.nextInt(3));
        var hops = r.putArray("nextHops");
        for (int i = random.nextInt(3); i > 0; i--) {
            hops.addObject().put("address", "198.51.100." + (1 + random.nextInt(9))).put("interfaceIndex", i)
                    .put("interfaceLuid", "1688849860263936").put("nextHopId", i);
        }
        r.putArray("flags").add("REMOTE");
        r.put("numRoutes", 1 + random.nextInt(3));
        if (random.nextBoolean()) {
            r.putObject("holdRoute").put("routeId", 9).putArray("nextHops").addObject().put("address", "192.0.2.9");
        }
        return r.put("lastChanged", random.nextInt(3));
    }

    /** What a page lists of a table's best route: router, instance, then the route's listed fields in order. */
    private static JsonNode listed(Table table, ObjectNode record) {
        ObjectNode m = Json.MAPPER.createObjectNode().put("router", table.router())
                .put("rtmInstance", table.rtmInstance());
        for (String field : List.of("routeId", "owner", "effectiveMetric", "nextHops", "lastChanged")) {
            m.set(field, record.get(field));
        }
        return m;
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopologyTestDriver driver(Path state) {
        Properties p = StreamsProperties.of(StreamsSettings.defaults(), "fleet-model", "unused:9092", state.toString(), true,
                Map.of());
        return new TopologyTestDriver(RtmTopology.build(StreamsSettings.defaults(), ProcessorMetrics.NONE), p,
                Instant.EPOCH);
    }
}
