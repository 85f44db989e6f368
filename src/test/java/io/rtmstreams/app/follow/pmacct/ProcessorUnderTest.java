package io.rtmstreams.app.follow.pmacct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.app.importer.ImportRecord.Kind;
import io.rtmstreams.app.importer.ImportRecord;
import io.rtmstreams.contract.Json;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The production topology on a {@link TopologyTestDriver}, with the properties {@code run} uses (exactly once): the
 * mapper's records go to rtm.interface-changes or rtm.route-adverts with their own timestamps, in order, and the final
 * best routes and the command results are read back.
 */
final class ProcessorUnderTest implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> adverts;
    private final TestInputTopic<byte[], byte[]> interfaces;
    private final TestOutputTopic<byte[], byte[]> bestRoutes;
    private final TestOutputTopic<byte[], byte[]> results;
    private final Map<String, JsonNode> best = new TreeMap<>();

    ProcessorUnderTest(Path stateDir) {
        StreamsSettings settings = StreamsSettings.defaults();
        driver = new TopologyTestDriver(RtmTopology.build(settings, ProcessorMetrics.NONE), StreamsProperties.of(
                settings, "pmacct-model", "unused:9092", stateDir.toString(), true, Map.of()), Instant.EPOCH);
        ByteArraySerializer ser = new ByteArraySerializer();
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        adverts = driver.createInputTopic(settings.topics().routeAdverts(), ser, ser);
        interfaces = driver.createInputTopic(settings.topics().interfaceChanges(), ser, ser);
        bestRoutes = driver.createOutputTopic(settings.topics().bestRoutes(), de, de);
        results = driver.createOutputTopic(settings.topics().commandResults(), de, de);
    }

    void apply(List<MappedRecord> records) {
        for (MappedRecord r : records) {
            ImportRecord record = r.record();
            TestInputTopic<byte[], byte[]> topic = record.kind() == Kind.INTERFACE ? interfaces : adverts;
            topic.pipeInput(new TestRecord<>(r.router().getBytes(StandardCharsets.UTF_8), json(record.value()),
                    Instant.ofEpochMilli(record.timestampMs())));
        }
    }

    /** The current best routes by key ({@code router|rtmInstance|view|prefix}), as a compacted topic leaves them. */
    Map<String, JsonNode> bestRoutes() {
        bestRoutes.readRecordsToList().forEach(r -> {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                best.remove(key);
            } else {
                best.put(key, read(r.value()));
            }
        });
        return Map.copyOf(best);
    }

    /** The command results published since the last call. */
    List<JsonNode> results() {
        List<JsonNode> out = new ArrayList<>();
        results.readValuesToList().forEach(v -> out.add(read(v)));
        return out;
    }

    private static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
