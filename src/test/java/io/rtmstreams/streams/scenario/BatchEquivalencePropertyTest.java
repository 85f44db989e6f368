package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * D25: a batch is its routes as single commands. A random command stream ({@link BatchRunInput}) is applied once
 * with every route command as its own record and once with each run of one entity's consecutive ADD_ROUTEs or
 * DELETE_ROUTEs as one ADD_ROUTES or DELETE_ROUTES, top-level fields inherited and explicit nulls included. Both
 * end in the same state (every store entry, id counters included, D22) and write the same records to every output
 * but the command results: best routes, destination changes apart from their requestId, notifications, entity
 * events, the fleet view and its internal updates - keys, values and timestamps, in order. {@code -Drtm.seed=N}
 * replays one seed, {@code -Drtm.seeds=K} soaks.
 */
class BatchEquivalencePropertyTest {

    private static final int SEEDS = 5;
    private static final int OPERATIONS = 400;
    private static final List<String> COMPARED = List.of("best-routes", "dest-changes", "notifications",
            "entity-events", "fleet-routes", "rejected", "internal.fleet-updates");
    private static final List<String> OUTPUTS = List.of("command-results", "best-routes", "dest-changes",
            "notifications", "entity-events", "fleet-routes", "rejected", "internal.fleet-updates");

    static LongStream seeds() {
        String only = System.getProperty("rtm.seed");
        return only != null ? LongStream.of(Long.parseLong(only))
                : LongStream.rangeClosed(1, Long.getLong("rtm.seeds", SEEDS));
    }

    /** What one run left: every output record, and every entry of the stores. */
    private record Run(Map<String, List<String>> outputs, Map<String, String> state) {
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void routeCommandsShouldDoTheSameAsSinglesAndAsBatches(long seed) {
        BatchRunInput input = new BatchRunInput(seed).generate(OPERATIONS);

        Run singles = replay(input.singles());
        Run batched = replay(input.batched());

        String replay = " (seed " + seed + "; replay: mvn -q -B test -Dtest=BatchEquivalencePropertyTest -Drtm.seed="
                + seed + ")";
        assertExercised(input, singles, replay);
        for (String topic : COMPARED) {
            assertSame(topic + replay, singles.outputs().get(topic), batched.outputs().get(topic));
        }
        assertThat(batched.state()).as("state" + replay).containsExactlyEntriesOf(singles.state());
        assertThat(batched.outputs().get("command-results")).as("one result per batch" + replay)
                .hasSize(singles.outputs().get("command-results").size() - input.runs()[0] + input.runs()[1]);
    }

    /** The stream did what it claims, so equal outputs mean something. */
    private static void assertExercised(BatchRunInput input, Run singles, String replay) {
        assertThat(input.runs()[0] - input.runs()[1]).as("commands saved by batching" + replay).isGreaterThan(500);
        String results = String.join("\n", singles.outputs().get("command-results"));
        assertThat(results).as("results" + replay).contains("\"NEW\"", "ERROR_INVALID_PARAMETER",
                "ERROR_NOT_FOUND", "ERROR_INVALID_HANDLE", "ERROR_ACCESS_DENIED");
        String changes = String.join("\n", singles.outputs().get("dest-changes"));
        assertThat(changes).as("causes" + replay).contains("ADD_ROUTE", "DELETE_ROUTE", "EXPIRED", "INTERFACE",
                "HOLD_EXPIRED", "DEREGISTER");
        assertThat(singles.outputs().get("best-routes")).as("best routes" + replay).hasSizeGreaterThan(300);
        assertThat(singles.outputs().get("fleet-routes")).as("fleet records" + replay).isNotEmpty();
    }

    private static void assertSame(String what, List<String> singles, List<String> batched) {
        for (int i = 0; i < Math.min(singles.size(), batched.size()); i++) {
            if (!singles.get(i).equals(batched.get(i))) {
                fail(what + " record " + (i + 1) + " differs:\n  singles: " + singles.get(i) + "\n  batched: "
                        + batched.get(i));
            }
        }
        assertThat(batched).as(what + " record count").hasSameSizeAs(singles);
    }

    private static Run replay(List<SyntheticFleetInput.Input> input) {
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        Map<String, String> state = new LinkedHashMap<>();
        try (ScenarioDriver d = new ScenarioDriver(StreamsSettings.defaults(), OUTPUTS)) {
            for (SyntheticFleetInput.Input i : input) {
                if (i.advanceMs() > 0) {
                    d.advance(i.advanceMs());
                }
                if (i.topic() != null) {
                    d.send(i.topic(), i.key(), i.value(), d.clock());
                }
            }
            d.drain().forEach((topic, records) -> outputs.put(topic, records.stream()
                    .map(r -> render(topic, r)).toList()));
            for (String store : List.of(StoreRegistry.TABLE_STATE, StoreRegistry.FLEET_STATE)) {
                KeyValueStore<Bytes, byte[]> s = d.driver().getKeyValueStore(store);
                try (KeyValueIterator<Bytes, byte[]> it = s.all()) {
                    while (it.hasNext()) {
                        KeyValue<Bytes, byte[]> kv = it.next();
                        state.put(store + " " + HexFormat.of().formatHex(kv.key.get()),
                                HexFormat.of().formatHex(kv.value));
                    }
                }
            }
        }
        return new Run(outputs, state);
    }

    /** A record as text: timestamp, key and value; destination changes without their requestId. */
    private static String render(String topic, TestRecord<byte[], byte[]> r) {
        String value = r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8);
        if (topic.equals("dest-changes") && r.value() != null) {
            try {
                ObjectNode v = (ObjectNode) Json.MAPPER.readTree(r.value());
                v.remove("requestId");
                value = v.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "@" + r.timestamp() + " " + new String(r.key(), StandardCharsets.UTF_8) + " -> " + value;
    }
}
