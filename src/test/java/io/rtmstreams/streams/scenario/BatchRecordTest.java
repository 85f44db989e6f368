package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.state.RtmCodecs;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch is one input record (D25): it writes each id counter at most once, however many ids it hands out (D22),
 * and more than 5,000 routes is ERROR_INVALID_PARAMETER for the whole batch, which then changes nothing.
 */
class BatchRecordTest {

    private static final int COUNTERS = StoreRegistry.namespace(RtmStores.COUNTERS).id();
    private static final String CHANGELOG = "rtm-scenario-" + StoreRegistry.TABLE_STATE + "-changelog";

    @Test
    void aBatchShouldWriteEachIdCounterOnceWhereSingleCommandsWriteItPerId() throws IOException {
        try (ScenarioDriver d = new ScenarioDriver(StreamsSettings.defaults())) {
            TestOutputTopic<byte[], byte[]> changelog = changelog(d);
            send(d, register());
            changelog.readRecordsToList();

            send(d, batch(200, 0));
            List<TestRecord<byte[], byte[]>> batchWrites = counterWrites(changelog);
            for (ObjectNode single : singles(batch(200, 200))) {
                send(d, single);
            }
            List<TestRecord<byte[], byte[]>> singleWrites = counterWrites(changelog);

            assertThat(batchWrites).as("route id and next-hop id counters, once each").hasSize(2)
                    .extracting(r -> RtmCodecs.LONG.decode(r.value())).containsExactlyInAnyOrder(200L, 200L);
            assertThat(singleWrites).as("once per id").hasSize(400);
            JsonNode result = Json.MAPPER.readTree(d.drain().get("command-results").get(1).value());
            assertThat(result.get("routes").get(199).get("routeId").asLong()).isEqualTo(200);
        }
    }

    @Test
    void aBatchOfMoreThan5000RoutesShouldBeRefusedWholeAndChangeNothing() throws IOException {
        try (ScenarioDriver d = new ScenarioDriver(StreamsSettings.defaults())) {
            TestOutputTopic<byte[], byte[]> changelog = changelog(d);
            send(d, register());
            d.drain();
            changelog.readRecordsToList();

            send(d, batch(5_001, 0));
            Map<String, List<TestRecord<byte[], byte[]>>> refused = d.drain();
            JsonNode result = Json.MAPPER.readTree(refused.get("command-results").get(0).value());
            assertThat(result.get("status").asText()).isEqualTo("ERROR_INVALID_PARAMETER");
            assertThat(result.get("message").asText()).contains("1 to 5000 routes", "not 5001");
            assertThat(result.has("count")).as("no routes were read").isFalse();
            assertThat(refused.get("best-routes")).isEmpty();
            assertThat(refused.get("dest-changes")).isEmpty();
            assertThat(changelog.readRecordsToList()).as("no state written").isEmpty();

            send(d, batch(5_000, 0));
            Map<String, List<TestRecord<byte[], byte[]>>> applied = d.drain();
            result = Json.MAPPER.readTree(applied.get("command-results").get(0).value());
            assertThat(result.get("status").asText()).isEqualTo("NO_ERROR");
            assertThat(result.get("count").asInt()).isEqualTo(5_000);
            assertThat(applied.get("best-routes")).hasSize(5_000);
        }
    }

    private static TestOutputTopic<byte[], byte[]> changelog(ScenarioDriver d) {
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        return d.driver().createOutputTopic(CHANGELOG, de, de);
    }

    private static List<TestRecord<byte[], byte[]>> counterWrites(TestOutputTopic<byte[], byte[]> changelog) {
        return changelog.readRecordsToList().stream().filter(r -> r.key()[0] == COUNTERS).toList();
    }

    private static ObjectNode register() {
        return command("REGISTER_ENTITY").put("family", "ipv4");
    }

    /** An ADD_ROUTES of {@code n} new routes, each over a next hop of its own (so both id counters move). */
    private static ObjectNode batch(int n, int first) {
        ObjectNode b = command("ADD_ROUTES").put("preference", 20).put("metric", 1);
        b.putArray("views").add("unicast");
        ArrayNode routes = b.putArray("routes");
        for (int i = first; i < first + n; i++) {
            ObjectNode r = routes.addObject().put("dest", "10." + (i >> 8 & 0xFF) + "." + (i & 0xFF) + ".0/24");
            r.putArray("nextHops").addObject().put("address", "198.51." + (i >> 8 & 0xFF) + "." + (i & 0xFF))
                    .put("interfaceIndex", 1);
        }
        return b;
    }

    /** The routes of a batch as single ADD_ROUTEs. */
    private static List<ObjectNode> singles(ObjectNode batch) {
        return java.util.stream.StreamSupport.stream(batch.get("routes").spliterator(), false).map(r -> {
            ObjectNode single = command("ADD_ROUTE").put("preference", 20).put("metric", 1);
            single.putArray("views").add("unicast");
            single.setAll((ObjectNode) r);
            return single;
        }).toList();
    }

    private static ObjectNode command(String op) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("op", op).put("requestId", op).put("router", "r1");
        c.putObject("entity").put("protocolId", 14).put("instanceId", 1);
        return c;
    }

    private static void send(ScenarioDriver d, ObjectNode command) {
        d.send("route-adverts", "r1".getBytes(StandardCharsets.UTF_8),
                command.toString().getBytes(StandardCharsets.UTF_8), d.clock());
    }
}
