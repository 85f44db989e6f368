package io.rtmstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.RtmRuntime;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.rtmstreams.it.OutputComparison.assertSameFinalState;
import static io.rtmstreams.it.OutputComparison.assertSameMaps;
import static io.rtmstreams.it.OutputComparison.assertSameSequencesPerKey;
import static io.rtmstreams.it.OutputComparison.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of unreadable and invalid records mixed into valid traffic ({@link BadInputMix}) neither stop the
 * processor nor disturb the valid traffic (D20): every record is accounted for exactly once - an unreadable one in
 * {@code rtm.rejected} with its topic, partition and offset and the reason, an invalid command in
 * {@code rtm.command-results} under its request id with its error status - and the valid traffic's outputs are
 * exactly those of the valid records alone (the test driver): the same results, best routes, changes, events,
 * notifications and fleet records.
 */
@ExtendWith(BrokerExtension.class)
class BadInputAtVolumeIT {

    private static final int VALID = 1_200;
    private static final int BAD = 5_000;

    private static TestBroker broker;

    @BeforeAll
    static void connect(TestBroker runBroker) {
        broker = runBroker;
    }

    @Test
    void everyBadRecordIsRejectedOrAnsweredOnceAndTheValidTrafficIsUnaffected(@TempDir Path data) throws Exception {
        RtmTestApp app = RtmTestApp.unique("bad-input", 3);
        BadInputMix mix = new BadInputMix(0xBAD_1_9L, System.currentTimeMillis(), VALID, BAD);
        app.createTopics(bootstrap());
        List<RecordMetadata> written;
        // All of it is in the log before the processor starts, so both input topics are ordered by record time.
        try (InputProducer producer = new InputProducer(bootstrap(), app.topics())) {
            written = producer.send(mix.all());
        }
        Map<Input, RecordMetadata> where = new IdentityHashMap<>();
        for (int n = 0; n < written.size(); n++) {
            where.put(mix.all().get(n), written.get(n));
        }
        long answerable = mix.all().stream().filter(i -> i.requestId() != null).count();
        long unreadable = mix.all().size() - answerable;

        Map<String, List<OutputRecord>> out;
        try (RtmRuntime runtime = app.start(bootstrap(), data, Map.of());
             CommittedOutputs outputs = CommittedOutputs.all(bootstrap(), app.topics())) {
            outputs.await(answerable + " results and " + unreadable + " rejections",
                    o -> o.count("command-results") >= answerable && o.count("rejected") >= unreadable);
            out = outputs.readToEnd().snapshot();
            assertThat(runtime.streams().state().isRunningOrRebalancing()).isTrue();
        }

        assertEveryUnreadableRecordRejectedOnceWhereItWas(app, mix, where, out.get("rejected"));
        assertEveryCommandAnsweredOnceAndTheInvalidOnesWithTheirError(mix, out.get("command-results"));
        assertValidTrafficWroteWhatItWritesAlone(app, mix, out);
    }

    private static String bootstrap() {
        return broker.bootstrapServers();
    }

    private static void assertEveryUnreadableRecordRejectedOnceWhereItWas(RtmTestApp app, BadInputMix mix,
                                                                        Map<Input, RecordMetadata> where,
                                                                        List<OutputRecord> rejected) {
        SortedMap<String, String> reasons = new TreeMap<>();
        SortedMap<String, String> expected = new TreeMap<>();
        mix.bad().values().stream().filter(b -> b.reason() != null).forEach(b -> {
            RecordMetadata m = where.get(b.input());
            String coordinates = coordinates(m.topic(), m.partition(), m.offset());
            reasons.put(coordinates, b.reason());
            expected.put(coordinates, "1 x " + b.reason() + " | " + OutputRecord.text(b.input().value()));
        });
        SortedMap<String, String> actual = new TreeMap<>();
        for (OutputRecord r : rejected) {
            JsonNode v = json(r.value());
            String value = v.path("valueEncoding").asText().equals("base64")
                    ? "base64:" + v.path("value").asText() : v.hasNonNull("value") ? v.path("value").asText() : null;
            String coordinates = coordinates(v.path("topic").asText(), v.path("partition").asInt(),
                    v.path("offset").asLong());
            String reason = v.path("reason").asText();
            String expectedReason = reasons.get(coordinates);
            actual.merge(coordinates, "1 x " + (expectedReason != null && reason.startsWith(expectedReason)
                    ? expectedReason : reason) + " | " + value, (a, b) -> "twice: " + a + " and " + b);
        }
        assertThat(expected).as("unreadable records").hasSizeGreaterThan(2_000);
        assertSameMaps("rejections by input coordinates (reason, value)", expected, actual);
        assertThat(rejected).allSatisfy(r -> assertThat(json(r.value()).path("topic").asText())
                .startsWith(app.topics().prefix()));
    }

    private static String coordinates(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + String.format("%06d", offset);
    }

    private static void assertEveryCommandAnsweredOnceAndTheInvalidOnesWithTheirError(BadInputMix mix,
                                                                                    List<OutputRecord> results) {
        SortedMap<String, String> expected = new TreeMap<>();
        mix.valid().stream().filter(i -> i.requestId() != null).forEach(i -> expected.put(i.requestId(), "1 x valid"));
        mix.bad().values().stream().filter(b -> b.status() != null)
                .forEach(b -> expected.put(b.input().requestId(), "1 x " + b.status()));
        Set<String> valid = new HashSet<>();
        mix.valid().forEach(i -> valid.add(i.requestId()));
        SortedMap<String, String> actual = new TreeMap<>();
        for (OutputRecord r : results) {
            JsonNode v = json(r.value());
            String id = v.path("requestId").asText();
            actual.merge(id, "1 x " + (valid.contains(id) ? "valid" : v.path("status").asText()),
                    (a, b) -> "twice: " + a + " and " + b);
        }
        assertThat(expected.values()).as("invalid commands").filteredOn(s -> !s.endsWith("valid"))
                .hasSizeGreaterThan(1_500);
        assertSameMaps("command results by request id", expected, actual);
    }

    private static void assertValidTrafficWroteWhatItWritesAlone(RtmTestApp app, BadInputMix mix,
                                                               Map<String, List<OutputRecord>> out) {
        Map<String, List<OutputRecord>> alone = TopologyOracle.run(app.settings(), mix.valid(), mix.lastTime() + 1);
        Set<String> valid = new HashSet<>();
        mix.valid().forEach(i -> valid.add(i.requestId()));
        List<OutputRecord> validResults = out.get("command-results").stream()
                .filter(r -> valid.contains(json(r.value()).path("requestId").asText())).toList();
        assertSameSequencesPerKey("command-results of the valid commands", alone.get("command-results"),
                validResults, OutputComparison::timeAndValue);
        for (String topic : List.of("dest-changes", "entity-events")) {
            assertSameSequencesPerKey(topic, alone.get(topic), out.get(topic), OutputComparison::timeAndValue);
        }
        for (String topic : List.of("best-routes", "notifications", "fleet-routes")) {
            assertSameFinalState(topic, alone.get(topic), out.get(topic));
        }
        OutputComparison.assertBestRouteVersionsCountRecords(out.get("best-routes"));
        assertThat(alone.get("rejected")).isEmpty();
        assertThat(OutputComparison.finalState(alone.get("best-routes"))).hasSizeGreaterThan(40);
    }
}
