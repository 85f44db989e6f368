package io.rtmstreams.streams;

import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.rtmstreams.streams.BoundedWorkTest.Table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the table state costs in changelog records, on the real topology and its real store stack (metered,
 * changelog, index derivation, RocksDB), exactly-once with transactional state stores as {@code run} configures it:
 * one record per changed destination, the route-id counter once per input record that hands out ids (D22, D25), and
 * none for the indexes that follow from the destinations, which the store keeps all the same.
 */
class TableStateChangelogTest {

    private static final String APP = "changelog-test";
    private static final String CHANGELOG = APP + "-" + StoreRegistry.TABLE_STATE + "-changelog";
    private static final int DESTINATIONS = StoreRegistry.DESTINATIONS_NAMESPACE;
    private static final int COUNTERS = 17;

    private final StreamsSettings settings = StreamsSettings.defaults();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> adverts;
    private TestInputTopic<String, String> interfaces;
    private TestOutputTopic<byte[], byte[]> changelog;
    private long time;

    @BeforeEach
    void start(@TempDir Path dir) {
        driver = new TopologyTestDriver(RtmTopology.build(settings, ProcessorMetrics.NONE),
                StreamsProperties.of(settings, APP, "unused:9092", dir.toString(), true, Map.of()), Instant.EPOCH);
        adverts = driver.createInputTopic(settings.topics().routeAdverts(), new StringSerializer(),
                new StringSerializer());
        interfaces = driver.createInputTopic(settings.topics().interfaceChanges(), new StringSerializer(),
                new StringSerializer());
        changelog = driver.createOutputTopic(CHANGELOG, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        adverts.pipeInput(new TestRecord<>("r1", register(), Instant.ofEpochMilli(++time)));
        interfaces.pipeInput(new TestRecord<>("r1", Table.interfaceUp("r1", "up"), Instant.ofEpochMilli(++time)));
        send(Table.addRoute("r1", "first", "172.16.0.0/16")); // creates the next hop the others share
        changelog.readRecordsToList();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldLogOneRecordPerNewRouteAndTheIdCounterOncePerAdvert() {
        IntStream.range(0, 200).forEach(i -> send(Table.addRoute("r1", "a" + i, prefix(i))));

        assertThat(loggedPerNamespace()).isEqualTo(Map.of(DESTINATIONS, 200L, COUNTERS, 200L));
    }

    @Test
    void shouldLogOneRecordPerRouteOfABatchAndTheIdCounterOnce() {
        send(batch(IntStream.range(0, 500).mapToObj(TableStateChangelogTest::prefix).toList()));

        assertThat(loggedPerNamespace()).isEqualTo(Map.of(DESTINATIONS, 500L, COUNTERS, 1L));
    }

    @Test
    void shouldLogOnlyTheDestinationWhenAnAdvertUpdatesARoute() {
        IntStream.range(0, 100).forEach(i -> send(Table.addRoute("r1", "a" + i, prefix(i))));
        changelog.readRecordsToList();

        IntStream.range(0, 100).forEach(i -> send(Table.addRoute("r1", "u" + i, prefix(i)).replace(
                "\"metric\":100", "\"metric\":50")));

        assertThat(loggedPerNamespace()).isEqualTo(Map.of(DESTINATIONS, 100L));
    }

    @Test
    void shouldKeepEveryDerivedIndexInTheStoreAndNoneInTheChangelog() {
        IntStream.range(0, 50).forEach(i -> send(Table.addRoute("r1", "a" + i, prefix(i))));

        assertThat(loggedPerNamespace().keySet()).noneMatch(TableStateChangelogTest::derived);
        Map<Integer, Long> stored = storedPerNamespace(driver.getKeyValueStore(StoreRegistry.TABLE_STATE));
        // route ids, owners, interface uses, neighbours: one each per route (the first one's too); and the mark
        // that they are complete
        assertThat(stored).containsEntry(21, 51L).containsEntry(22, 51L).containsEntry(23, 51L)
                .containsEntry(24, 51L).containsEntry(StoreRegistry.DERIVED_STATE_NAMESPACE, 1L);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void send(String command) {
        adverts.pipeInput(new TestRecord<>("r1", command, Instant.ofEpochMilli(++time)));
    }

    private Map<Integer, Long> loggedPerNamespace() {
        return changelog.readRecordsToList().stream().collect(Collectors.groupingBy(r -> r.key()[0] & 0xFF,
                TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, Long> storedPerNamespace(KeyValueStore<Bytes, byte[]> store) {
        Map<Integer, Long> out = new TreeMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> out.merge(kv.key.get()[0] & 0xFF, 1L, Long::sum));
        }
        return out;
    }

    private static boolean derived(int namespace) {
        return namespace >= StoreRegistry.FIRST_DERIVED_NAMESPACE
                && namespace <= StoreRegistry.DERIVED_STATE_NAMESPACE;
    }

    private static String prefix(int i) {
        return "10." + (i >> 8) + "." + (i & 0xFF) + ".0/24";
    }

    private static String register() {
        return "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"reg\",\"router\":\"r1\",\"entity\":" + Table.BGP
                + ",\"family\":\"ipv4\"}";
    }

    private static String batch(List<String> prefixes) {
        return "{\"op\":\"ADD_ROUTES\",\"requestId\":\"batch\",\"router\":\"r1\",\"entity\":" + Table.BGP
                + ",\"nextHops\":[{\"address\":\"192.0.2.1\",\"interfaceIndex\":3}],\"neighbour\":{\"address\":"
                + "\"192.0.2.1\",\"interfaceIndex\":3},\"preference\":20,\"metric\":100,\"views\":[\"unicast\"],"
                + "\"routes\":[" + prefixes.stream().map(p -> "{\"dest\":\"" + p + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }
}
