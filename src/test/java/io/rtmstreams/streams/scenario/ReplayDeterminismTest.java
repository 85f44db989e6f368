package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.streams.Placement;
import io.rtmstreams.streams.StreamsSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Replaying the same input from scratch gives the same output (D4, D22, D8): a fresh topology with fresh state, fed
 * the same records at the same times with the same wall-clock advances, writes identical records - keys, values and
 * timestamps, in the same order - to every output topic, the fleet view's included. The input
 * ({@link SyntheticFleetInput}) is a few thousand records over four routers with ties, TTLs, hold-downs,
 * interface changes, deregistrations and bad records; the test first checks that it did exercise all of that.
 */
class ReplayDeterminismTest {

    private static final long SEED = 0x5EED_D22L;
    private static final int OPERATIONS = 2_500;
    private static final List<String> OUTPUTS = List.of("command-results", "best-routes", "dest-changes",
            "entity-events", "notifications", "fleet-routes", "rejected");

    /**
     * The budget of work per call in units only: D24's wall-clock bound cuts work where the machine's speed says, and
     * though each router's outputs stay the same wherever it cuts, the interleaving of different routers' records
     * on one topic would not. Every record order is compared here, so no step may end by the clock.
     */
    private static final StreamsSettings SETTINGS = StreamsSettings.defaults().withStep(10_000, 3_600_000);

    /** An output record as bytes on the wire: timestamp, key and value text (base64 when not UTF-8). */
    record Output(long timestamp, String key, String value) {
    }

    @Test
    void shouldWriteIdenticalRecordsToEveryTopicWhenTheSameInputIsReplayedFromScratch() {
        List<SyntheticFleetInput.Input> input = new SyntheticFleetInput(SEED).generate(OPERATIONS);

        Map<String, List<Output>> first = replay(input, SETTINGS);
        Map<String, List<Output>> second = replay(input, SETTINGS);

        assertExercised(input, first);
        for (String topic : OUTPUTS) {
            assertSame(topic, first.get(topic), second.get(topic));
        }
    }

    /**
     * D23: with four input partitions on the test driver, which puts every record on partition 0, the records of
     * routers r3 and r4 and of the mis-keyed "elsewhere" are not on their router's partition and take the reroute
     * topic; every output is still exactly what placed input gives, rejections' coordinates included.
     */
    @Test
    void shouldWriteTheSameRecordsWhenRoutersArriveOffTheirPartitions() {
        List<SyntheticFleetInput.Input> input = new SyntheticFleetInput(SEED).generate(OPERATIONS);
        StreamsSettings fourPartitions = SETTINGS.withInputPartitions(4);
        assertThat(input).filteredOn(i -> i.key() != null && Placement.partition(i.key(), 4) != 0)
                .as("records off their router's partition").hasSizeGreaterThan(input.size() / 4)
                .extracting(i -> text(i.key())).contains("r3", "r4", "elsewhere");

        Map<String, List<Output>> placed = replay(input, SETTINGS);
        Map<String, List<Output>> rerouted = replay(input, fourPartitions);

        for (String topic : OUTPUTS) {
            assertSame(topic, placed.get(topic), rerouted.get(topic));
        }
    }

    /** The input did what it claims, so identical outputs mean something. */
    private static void assertExercised(List<SyntheticFleetInput.Input> input, Map<String, List<Output>> out) {
        long records = input.stream().filter(i -> i.topic() != null).count();
        assertThat(out.get("command-results").size() + out.get("rejected").size())
                .as("one result or one rejection per input record (D20)").isEqualTo(records);
        assertThat(values(out, "command-results", v -> v.path("status").asText())).contains("NO_ERROR",
                "ERROR_INVALID_PARAMETER", "ERROR_INVALID_HANDLE", "ERROR_ACCESS_DENIED", "ERROR_NOT_FOUND");
        assertThat(values(out, "command-results", ReplayDeterminismTest::updateById)).as("r4's updates by routeId")
                .contains("ok");
        assertThat(values(out, "dest-changes", v -> v.path("cause").asText())).contains("ADD_ROUTE",
                "DELETE_ROUTE", "EXPIRED", "HOLD_EXPIRED", "DEREGISTER", "INTERFACE");
        assertThat(values(out, "entity-events", v -> v.path("event").asText())).contains("ENTITY_REGISTERED",
                "ENTITY_DEREGISTERED", "ROUTE_EXPIRED");
        assertThat(out.get("best-routes")).hasSizeGreaterThan(2_000).anyMatch(o -> o.value() == null);
        assertThat(out.get("notifications")).hasSizeGreaterThan(1_000);
        assertThat(values(out, "fleet-routes", v -> v.path("routerCount").asText())).contains("3");
        assertThat(out.get("rejected")).isNotEmpty();
    }

    /** On r4 an ADD_ROUTE is NEW or by routeId, so a successful one without NEW is an update by id. */
    private static String updateById(JsonNode result) {
        boolean update = result.path("router").asText().equals("r4") && result.path("op").asText().equals("ADD_ROUTE")
                && result.path("status").asText().equals("NO_ERROR")
                && !result.path("changeFlags").toString().contains("NEW");
        return update ? "ok" : "other";
    }

    private static Set<String> values(Map<String, List<Output>> out, String topic, Function<JsonNode, String> f) {
        Set<String> seen = new TreeSet<>();
        for (Output o : out.get(topic)) {
            if (o.value() != null) {
                try {
                    seen.add(f.apply(Json.MAPPER.readTree(o.value())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return seen;
    }

    private static void assertSame(String topic, List<Output> first, List<Output> second) {
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) {
            if (!first.get(i).equals(second.get(i))) {
                fail(topic + " record " + (i + 1) + " differs between the runs:\n  first:  " + first.get(i)
                        + "\n  second: " + second.get(i));
            }
        }
        assertThat(second).as(topic + " record count").hasSameSizeAs(first);
    }

    /** Runs the input through a fresh topology in a fresh state directory and collects every output. */
    private static Map<String, List<Output>> replay(List<SyntheticFleetInput.Input> input, StreamsSettings settings) {
        Map<String, List<Output>> out = new LinkedHashMap<>();
        try (ScenarioDriver d = new ScenarioDriver(settings, OUTPUTS)) {
            for (SyntheticFleetInput.Input i : input) {
                if (i.advanceMs() > 0) {
                    d.advance(i.advanceMs());
                }
                if (i.topic() != null) {
                    d.send(i.topic(), i.key(), i.value(), d.clock());
                }
            }
            d.drain().forEach((topic, records) -> out.put(topic, records.stream()
                    .map(r -> new Output(r.timestamp(), text(r.key()), text(r.value()))).toList()));
        }
        return out;
    }

    private static String text(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(b);
        }
    }
}
