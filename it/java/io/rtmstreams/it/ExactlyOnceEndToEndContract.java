package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.RtmRuntime;
import io.rtmstreams.contract.schema.ContractSchemas;
import io.rtmstreams.it.EdgeRoutersStory.Expected;
import io.rtmstreams.it.RouteTableModel.Best;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.rtmstreams.it.OutputComparison.assertBestRouteVersionsCountRecords;
import static io.rtmstreams.it.OutputComparison.assertDestChangeVersionsConsecutive;
import static io.rtmstreams.it.OutputComparison.assertSameMaps;
import static io.rtmstreams.it.OutputComparison.finalState;
import static io.rtmstreams.it.OutputComparison.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor end to end with exactly-once (D19) on a real broker, checked only through what consumers see:
 * a plain producer sends a few hundred commands and interface changes ({@link EdgeRoutersStory}); read_committed
 * consumers - the Java client and kcat (librdkafka) - find every best route the independent {@link RouteTableModel}
 * predicts and nothing else, exactly one result per command with the predicted status (D20), destination changes and
 * best routes numbered without gap or repeat per key (D21), and a notification for every best-route change the
 * registration asked for. Every record conforms to the contract's schemas.
 */
abstract class ExactlyOnceEndToEndContract {

    private static final long SEED = 0xE2E_2026L;

    /** The broker under test. */
    protected abstract String bootstrapServers();

    @Test
    void readCommittedConsumersSeeExactlyTheModelsBestRoutesAndOneResultPerCommand(@TempDir Path data)
            throws Exception {
        RtmTestApp app = RtmTestApp.unique("e2e", 3);
        EdgeRoutersStory story = new EdgeRoutersStory(SEED);
        Map<String, List<OutputRecord>> out;
        try (RtmRuntime runtime = app.start(bootstrapServers(), data, Map.of());
             InputProducer producer = new InputProducer(bootstrapServers(), app.topics());
             CommittedOutputs outputs = CommittedOutputs.all(bootstrapServers(), app.topics())) {
            int sent = 0;
            for (List<Input> phase : story.phases()) {
                producer.send(phase);
                int answered = sent += phase.size();
                outputs.await(answered + " command results", o -> o.count("command-results") >= answered);
            }
            out = outputs.readToEnd().snapshot();
            assertThat(runtime.streams().state().isRunningOrRebalancing()).isTrue();
        }

        assertEveryRecordConformsToTheContract(app, out);
        assertOneResultPerCommandWithTheExpectedStatus(story.expectedResults(), out.get("command-results"));
        assertBestRoutesAreTheModels(story.model().bestRoutes(), out.get("best-routes"));
        assertBestRouteVersionsCountRecords(out.get("best-routes"));
        assertDestChangeVersionsConsecutive(out.get("dest-changes"));
        assertLastChangeOfEveryKeyShowsItsBestRoute(out.get("dest-changes"), out.get("best-routes"));
        assertTheInterfaceChangeRecomputedOnlyItsRoutersDestinations(story, out.get("dest-changes"));
        assertEveryBestChangeWasNotified(out.get("dest-changes"), out.get("notifications"));
        assertThat(out.get("rejected")).isEmpty();

        assertThat(kcatFinalState(app.topics().bestRoutes()))
                .as("best routes as kcat (librdkafka, read_committed) sees them")
                .isEqualTo(finalState(out.get("best-routes")));
    }

    private static void assertEveryRecordConformsToTheContract(RtmTestApp app, Map<String, List<OutputRecord>> out) {
        ContractSchemas schemas = ContractSchemas.get();
        out.forEach((topic, records) -> records.forEach(r -> schemas.assertValid(app.topics().prefix() + topic,
                Input.utf8(r.key()), Input.utf8(r.value()))));
    }

    private static void assertOneResultPerCommandWithTheExpectedStatus(Map<String, Expected> expected,
                                                                      List<OutputRecord> results) {
        Map<String, List<JsonNode>> byRequest = results.stream().map(r -> json(r.value()))
                .collect(Collectors.groupingBy(v -> v.path("requestId").asText(), TreeMap::new, Collectors.toList()));
        assertThat(byRequest.keySet()).as("request ids answered").isEqualTo(new TreeSet<>(expected.keySet()));
        SortedMap<String, String> want = new TreeMap<>();
        SortedMap<String, String> got = new TreeMap<>();
        expected.forEach((id, e) -> want.put(id, "1 x " + e.op() + " " + e.status()
                + (e.newRoute() == null ? "" : e.newRoute() ? " NEW" : " not NEW")));
        byRequest.forEach((id, answers) -> {
            JsonNode a = answers.get(0);
            Boolean isNew = expected.get(id).newRoute() == null ? null
                    : a.path("changeFlags").toString().contains("\"NEW\"");
            got.put(id, answers.size() + " x " + a.path("op").asText() + " " + a.path("status").asText()
                    + (isNew == null ? "" : isNew ? " NEW" : " not NEW"));
        });
        assertSameMaps("command results by request id", want, got);
        assertThat(want.values()).as("the story exercises").anyMatch(s -> s.endsWith("ERROR_NOT_FOUND"))
                .anyMatch(s -> s.endsWith("ERROR_INVALID_HANDLE")).anyMatch(s -> s.endsWith(" NEW"))
                .anyMatch(s -> s.endsWith("not NEW"));
    }

    private static void assertBestRoutesAreTheModels(SortedMap<String, Best> model, List<OutputRecord> bestRoutes) {
        SortedMap<String, String> expected = new TreeMap<>();
        model.forEach((key, b) -> expected.put(key, describe(b)));
        SortedMap<String, String> actual = new TreeMap<>();
        finalState(bestRoutes).forEach((key, value) -> actual.put(key, describe(json(value))));
        assertSameMaps("best routes (last record per key, tombstones as absence)", expected, actual);
        assertThat(bestRoutes).as("some destinations lost their last route").anyMatch(OutputRecord::tombstone);
        assertThat(expected.keySet()).as("both views of both routers have best routes")
                .anyMatch(k -> k.startsWith("edge-1|0|multicast|")).anyMatch(k -> k.startsWith("edge-2|0|unicast|"));
    }

    private static String describe(Best b) {
        return String.join(" ", b.router(), "ipv4", b.view(), b.prefix(), "owner " + b.route().owner().id(),
                "via " + b.route().via().address() + "%" + b.route().via().interfaceIndex(),
                "cost " + b.route().preference() + "/" + b.route().metric() + "+" + b.interfaceMetric() + "="
                        + b.effectiveMetric(), "routes " + b.numRoutes(), "hold null");
    }

    private static String describe(JsonNode v) {
        JsonNode hop = v.path("nextHops").path(0);
        return String.join(" ", v.path("router").asText(), v.path("family").asText(), v.path("view").asText(),
                v.path("prefix").asText(),
                "owner " + v.path("owner").path("protocolId").asLong() + "." + v.path("owner").path("instanceId")
                        .asLong(),
                "via " + hop.path("address").asText() + "%" + hop.path("interfaceIndex").asLong()
                        + (v.path("nextHops").size() == 1 ? "" : " and more"),
                "cost " + v.path("preference").asLong() + "/" + v.path("metric").asLong() + "+"
                        + v.path("interfaceMetric").asLong() + "=" + v.path("effectiveMetric").asLong(),
                "routes " + v.path("numRoutes").asInt(),
                "hold " + (v.hasNonNull("holdRoute") ? v.get("holdRoute") : "null"));
    }

    /** The last destination change of a key names the route its best-route record shows, or none for a tombstone. */
    private static void assertLastChangeOfEveryKeyShowsItsBestRoute(List<OutputRecord> destChanges,
                                                                    List<OutputRecord> bestRoutes) {
        SortedMap<String, String> fromChanges = new TreeMap<>();
        finalState(destChanges).forEach((key, v) -> fromChanges.put(key, json(v).path("best").path("routeId")
                .asText("none")));
        SortedMap<String, String> fromBest = new TreeMap<>();
        fromChanges.keySet().forEach(key -> fromBest.put(key, "none"));
        finalState(bestRoutes).forEach((key, v) -> fromBest.put(key, json(v).path("routeId").asText()));
        assertSameMaps("route id of the last destination change vs the best-route record", fromBest, fromChanges);
    }

    private static void assertTheInterfaceChangeRecomputedOnlyItsRoutersDestinations(EdgeRoutersStory story,
                                                                                    List<OutputRecord> changes) {
        List<JsonNode> byInterface = changes.stream().map(r -> json(r.value()))
                .filter(v -> v.path("cause").asText().equals("INTERFACE")).toList();
        assertThat(byInterface).as("changes caused by the interface change (D14)").isNotEmpty()
                .allSatisfy(v -> {
                    assertThat(v.path("router").asText()).isEqualTo(EdgeRoutersStory.WATCHER);
                    assertThat(v.path("requestId").asText()).isEqualTo(story.interfaceChangeRequest());
                });
    }

    /** Every unicast best-route change of the watching router, and nothing else, reached the registration (R101). */
    private static void assertEveryBestChangeWasNotified(List<OutputRecord> destChanges,
                                                         List<OutputRecord> notifications) {
        Set<String> bestChanged = new TreeSet<>();
        for (OutputRecord r : destChanges) {
            JsonNode v = json(r.value());
            if (v.path("router").asText().equals(EdgeRoutersStory.WATCHER) && v.path("view").asText().equals("unicast")
                    && v.path("changeTypes").toString().contains("\"BEST\"")) {
                bestChanged.add(EdgeRoutersStory.WATCHER + "|0|" + EdgeRoutersStory.REGISTRATION + "|unicast|"
                        + v.path("prefix").asText());
            }
        }
        assertThat(bestChanged).isNotEmpty();
        assertThat(new TreeSet<>(finalState(notifications).keySet())).isEqualTo(bestChanged);
    }

    /** The final state of a compacted topic as kcat reads it with read_committed: key to last value. */
    private SortedMap<String, String> kcatFinalState(String topic) {
        List<String> lines = Kcat.onPath().run(List.of("-b", bootstrapServers(), "-C", "-t", topic, "-o", "beginning",
                "-e", "-q", "-J", "-X", "isolation.level=read_committed"), List.of()).lines();
        List<OutputRecord> records = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                JsonNode envelope = json(line);
                JsonNode payload = envelope.get("payload");
                records.add(new OutputRecord(topic, envelope.path("partition").asInt(), envelope.path("offset")
                        .asLong(), envelope.path("ts").asLong(), envelope.path("key").asText(),
                        payload == null || payload.isNull() ? null : payload.asText()));
            }
        }
        assertThat(records).as("kcat read records").isNotEmpty();
        return finalState(records);
    }
}
