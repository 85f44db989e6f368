package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rtmstreams.contract.Ack;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.schema.ContractSchemas;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.streams.OutputSelection;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every scenario of {@code src/test/resources/scenarios/} through the real topology on a TopologyTestDriver
 * and checks each step's outputs (see {@link Scenario} for the format). {@code -Dscenario=t09} runs only the files
 * whose name contains that text.
 */
class ScenarioTest {

    static final Path DIR = Path.of("src/test/resources/scenarios");
    static final ContractSchemas SCHEMAS = ContractSchemas.get();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            String only = System.getProperty("scenario", "");
            files = s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> p.getFileName().toString().contains(only))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            fail("no scenarios in " + DIR.toAbsolutePath());
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> run(f)));
    }

    static void run(Path file) throws IOException {
        Scenario sc = YAML.readValue(file.toFile(), Scenario.class);
        try (ScenarioDriver d = new ScenarioDriver(settings(sc.settings()))) {
            List<Scenario.Step> steps = sc.steps();
            for (int i = 0; i < steps.size(); i++) {
                Scenario.Step step = steps.get(i);
                String where = file.getFileName() + " step " + (i + 1) + (step.note() == null ? "" : " (" + step.note() + ")");
                if (step.waitMs() != null) {
                    d.advance(step.waitMs());
                }
                long at = step.at() != null ? step.at() : d.clock();
                boolean validate = !Boolean.TRUE.equals(step.breaksContract());
                for (JsonNode a : step.adverts()) {
                    send(d, where, validate, "route-adverts", bytes(a.path("router").asText()), Json.MAPPER.writeValueAsBytes(a), at);
                }
                for (JsonNode c : step.interfaces()) {
                    send(d, where, validate, "interface-changes", bytes(c.path("router").asText()), Json.MAPPER.writeValueAsBytes(c), at);
                }
                for (Scenario.Raw r : step.raw()) {
                    byte[] value = r.value() == null ? null
                            : r.base64() ? Base64.getDecoder().decode(r.value()) : bytes(r.value());
                    d.send(r.topic(), r.key() == null ? null : bytes(r.key()), value, at);
                }
                check(where, step, sc.ignore(), d.drain());
                for (Scenario.Lookup l : step.lookups()) {
                    String problem = JsonMatch.mismatch(l.expect(), d.bestRoute(l.query()));
                    if (problem != null) {
                        fail(where + ": lookup " + l.query() + ": " + problem);
                    }
                }
                for (Scenario.DestLookup l : step.destinations()) {
                    String problem = JsonMatch.mismatch(l.expect(), d.destination(l.query()));
                    if (problem != null) {
                        fail(where + ": destination lookup " + l.query() + ": " + problem);
                    }
                }
            }
        }
    }

    /** Commands and interface changes of a scenario are contract-conforming input (schemas/). */
    private static void send(ScenarioDriver d, String where, boolean validate, String topic, byte[] key,
                             byte[] value, long at) {
        List<String> problems = validate ? SCHEMAS.validate(topic, key, value) : List.of();
        if (!problems.isEmpty()) {
            fail(where + ": the scenario's input to " + topic + " breaks the contract: " + problems);
        }
        d.send(topic, key, value, at);
    }

    private static void check(String where, Scenario.Step step, List<String> ignored,
                              Map<String, List<TestRecord<byte[], byte[]>>> produced) throws IOException {
        produced.forEach((topic, records) -> records.forEach(r -> {
            List<String> problems = SCHEMAS.validate(topic, r.key(), r.value());
            if (!problems.isEmpty()) {
                fail(where + ": an output of " + topic + " breaks the contract: " + problems + "\n"
                        + render(List.of(r)));
            }
        }));
        for (String topic : step.expect().keySet()) {
            if (!ScenarioDriver.OUTPUTS.contains(topic)) {
                fail(where + ": no output topic '" + topic + "'");
            }
        }
        for (String topic : ScenarioDriver.OUTPUTS) {
            if (ignored.contains(topic) || step.ignore().contains(topic)) {
                continue;
            }
            List<Scenario.Expected> want = step.expect().getOrDefault(topic, List.of());
            List<TestRecord<byte[], byte[]>> got = produced.get(topic);
            if (got.size() != want.size()) {
                fail(where + ": " + topic + " expected " + want.size() + " records, got " + got.size() + ":\n"
                        + render(got));
            }
            for (int j = 0; j < want.size(); j++) {
                String problem = compare(want.get(j), got.get(j));
                if (problem != null) {
                    fail(where + ": " + topic + " record " + (j + 1) + ": " + problem + "\n" + render(got));
                }
            }
        }
    }

    private static String compare(Scenario.Expected want, TestRecord<byte[], byte[]> got) throws IOException {
        String key = got.key() == null ? null : new String(got.key(), StandardCharsets.UTF_8);
        if (want.key() != null && !want.key().equals(key)) {
            return "key: expected " + want.key() + ", got " + key;
        }
        if (want.timestamp() != null && !want.timestamp().equals(got.timestamp())) {
            return "timestamp: expected " + want.timestamp() + ", got " + got.timestamp();
        }
        JsonNode value = got.value() == null ? null : Json.MAPPER.readTree(got.value());
        return JsonMatch.mismatch(want.value(), value);
    }

    private static String render(List<TestRecord<byte[], byte[]>> records) {
        List<String> lines = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : records) {
            lines.add("  @" + r.timestamp() + " " + (r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8))
                    + " -> "
                    + (r.value() == null ? "null (tombstone)" : new String(r.value(), StandardCharsets.UTF_8)));
        }
        return String.join("\n", lines);
    }

    static StreamsSettings settings(Map<String, Object> overrides) {
        StreamsSettings s = StreamsSettings.defaults();
        RtmConfig rtm = s.rtm();
        OutputSelection out = s.outputs();
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            switch (e.getKey()) {
                case "destChanges" -> out = new OutputSelection((Boolean) e.getValue(), out.notifications(),
                        out.fleetView(), out.results());
                case "notifications" -> out = new OutputSelection(out.destChanges(), (Boolean) e.getValue(),
                        out.fleetView(), out.results());
                case "fleetView" -> out = new OutputSelection(out.destChanges(), out.notifications(),
                        (Boolean) e.getValue(), out.results());
                case "results" -> out = new OutputSelection(out.destChanges(), out.notifications(), out.fleetView(),
                        Ack.valueOf((String) e.getValue()));
                case "topicPrefix" -> s = s.withTopics(new Topics((String) e.getValue()));
                case "maxNextHopsInRoute" -> rtm = rtm.withMaxNextHopsInRoute((Integer) e.getValue());
                case "autoRegister" -> rtm = rtm.withAutoRegister((Boolean) e.getValue());
                case "strictInterfaces" -> s = s.withIphlp(s.iphlp().withStrictInterfaces((Boolean) e.getValue()));
                case "metricTable" -> s = s.withIphlp(s.iphlp().withMetricTable(
                        io.rtmstreams.iphlp.MetricTable.valueOf((String) e.getValue())));
                default -> throw new IllegalArgumentException("unknown scenario setting " + e.getKey());
            }
        }
        return s.withRtm(rtm).withOutputs(out);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
