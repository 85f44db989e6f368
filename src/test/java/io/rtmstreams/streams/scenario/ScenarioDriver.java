package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.api.QueryParams;
import io.rtmstreams.contract.Json;
import io.rtmstreams.contract.OutputMapper;
import io.rtmstreams.iphlp.BestRouteResult;
import io.rtmstreams.iphlp.IpHelper;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.DestInfo;
import io.rtmstreams.rtm.RtmException;
import io.rtmstreams.rtm.RtmQueries;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.streams.ProcessorMetrics;
import io.rtmstreams.streams.RtmTopology;
import io.rtmstreams.streams.StreamsProperties;
import io.rtmstreams.streams.StreamsSettings;
import io.rtmstreams.streams.Topics;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The topology on a {@link TopologyTestDriver} with one clock: inputs are stamped with it, and waiting advances it
 * as wall-clock time, which runs the punctuations (D8). Output topics are named without the {@code rtm.} prefix.
 */
final class ScenarioDriver implements AutoCloseable {

    static final List<String> OUTPUTS = List.of("command-results", "best-routes", "dest-changes", "entity-events",
            "notifications", "fleet-routes", "rejected");

    private final TopologyTestDriver driver;
    private final StreamsSettings settings;
    private final Path stateDir;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new LinkedHashMap<>();
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new LinkedHashMap<>();
    private long clock;

    ScenarioDriver(StreamsSettings settings) {
        this(settings, OUTPUTS);
    }

    /** A driver that collects the given output topics (named without the prefix; internal ones too). */
    ScenarioDriver(StreamsSettings settings, List<String> outputTopics) {
        this(settings, outputTopics, ProcessorMetrics.NONE);
    }

    /** The same, counting into {@code metrics}. */
    ScenarioDriver(StreamsSettings settings, List<String> outputTopics, ProcessorMetrics metrics) {
        try {
            stateDir = Files.createTempDirectory("rtm-scenario");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Properties p = StreamsProperties.of(settings, "rtm-scenario", "unused:9092", stateDir.toString(), true,
                Map.of());
        this.settings = settings;
        driver = new TopologyTestDriver(RtmTopology.build(settings, metrics), p, Instant.EPOCH);
        Topics t = settings.topics();
        ByteArraySerializer ser = new ByteArraySerializer();
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        inputs.put("route-adverts", driver.createInputTopic(t.routeAdverts(), ser, ser));
        inputs.put("interface-changes", driver.createInputTopic(t.interfaceChanges(), ser, ser));
        for (String o : outputTopics) {
            outputs.put(o, driver.createOutputTopic(t.prefix() + o, de, de));
        }
    }

    long clock() {
        return clock;
    }

    void send(String topic, byte[] key, byte[] value, long timestamp) {
        TestInputTopic<byte[], byte[]> in = inputs.get(topic);
        if (in == null) {
            throw new IllegalArgumentException("no input topic " + topic);
        }
        in.pipeInput(new TestRecord<>(key, value, Instant.ofEpochMilli(timestamp)));
    }

    void advance(long ms) {
        clock += ms;
        driver.advanceWallClockTime(Duration.ofMillis(ms));
    }

    /** Every record each output topic received since the last call. */
    Map<String, List<TestRecord<byte[], byte[]>>> drain() {
        Map<String, List<TestRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
        outputs.forEach((name, topic) -> out.put(name, topic.readRecordsToList()));
        return out;
    }

    /** GetBestRoute2 on the current state, as the query API answers it: the answer or the error, with a status. */
    JsonNode bestRoute(Scenario.Query q) {
        IpHelper ip = readOnly();
        ObjectNode out;
        try {
            BestRouteResult r = ip.bestRoute(QueryParams.bestRoute(q.router(), q.rtmInstance() == null ? 0
                    : q.rtmInstance(), q.destination(), q.source(), q.interfaceLuid(), q.interfaceIndex()));
            out = r.succeeded() ? Json.MAPPER.valueToTree(OutputMapper.bestRouteLookup(r))
                    : Json.MAPPER.valueToTree(OutputMapper.error(r.status(), r.message()));
            out.put("status", r.status().name());
        } catch (IllegalArgumentException e) {
            out = Json.MAPPER.valueToTree(OutputMapper.error(Status.ERROR_INVALID_PARAMETER, e.getMessage()));
        }
        return out;
    }

    /** An RTMv2 destination lookup on the current state: the destination record or the error, with a status. */
    JsonNode destination(Scenario.DestQuery q) {
        RtmQueries queries = readOnly().engine().queries();
        ObjectNode out;
        try {
            Prefix p = Prefix.parse(q.prefix());
            TableId t = TableId.of(q.router(), q.rtmInstance() == null ? 0 : q.rtmInstance(), p.family());
            int views = 0;
            for (String v : q.views() == null ? List.<String>of() : q.views()) {
                views |= View.fromName(v).mask();
            }
            DestInfo d = switch (q.lookup()) {
                case "exact" -> queries.exactMatch(t, p, views, 0, null);
                case "most-specific" -> queries.mostSpecific(t, p, views, 0, null);
                case "less-specific" -> queries.lessSpecific(t, p, views, 0, null);
                default -> throw new IllegalStateException("unknown destination lookup " + q.lookup());
            };
            out = Json.MAPPER.valueToTree(OutputMapper.destInfo(d));
            out.put("status", Status.NO_ERROR.name());
        } catch (RtmException e) {
            out = Json.MAPPER.valueToTree(OutputMapper.error(e.status(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            out = Json.MAPPER.valueToTree(OutputMapper.error(Status.ERROR_INVALID_PARAMETER, e.getMessage()));
        }
        return out;
    }

    private IpHelper readOnly() {
        return IpHelper.create(StoreRegistry.readOnly(driver.getKeyValueStore(StoreRegistry.TABLE_STATE)),
                settings.rtm(), settings.iphlp());
    }

    TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp directory; nothing to do
        }
    }
}
