package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.contract.Json;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D23 on the topology test driver: its input partitions are all partition 0, so with four input partitions a
 * router whose murmur2 partition is not 0 ({@code r3}, D23's misplaced producer) takes the reroute topic, and
 * {@code r1} (partition 0) does not.
 */
class RerouteTest {

    private static final int PARTITIONS = 4;
    private static final String PLACED = "r1";
    private static final String MISPLACED = "r3";
    private static final String REROUTE_TOPIC = "reroute-test-reroute-repartition";

    @TempDir
    Path stateDir;

    private final StreamsSettings settings = StreamsSettings.defaults().withInputPartitions(PARTITIONS);
    private final Map<String, AtomicInteger> rerouted = new ConcurrentHashMap<>();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> adverts;
    private TestInputTopic<byte[], byte[]> interfaces;
    private TestOutputTopic<byte[], byte[]> reroute;
    private TestOutputTopic<byte[], byte[]> results;
    private TestOutputTopic<byte[], byte[]> rejected;

    @BeforeEach
    void startTopology() {
        assertThat(Placement.partition(utf8(PLACED), PARTITIONS)).isZero();
        assertThat(Placement.partition(utf8(MISPLACED), PARTITIONS)).isNotZero();
        Properties p = StreamsProperties.of(settings, "reroute-test", "unused:9092", stateDir.toString(), true,
                Map.of());
        driver = new TopologyTestDriver(RtmTopology.build(settings, counting()), p, Instant.EPOCH);
        ByteArraySerializer ser = new ByteArraySerializer();
        ByteArrayDeserializer de = new ByteArrayDeserializer();
        adverts = driver.createInputTopic(settings.topics().routeAdverts(), ser, ser);
        interfaces = driver.createInputTopic(settings.topics().interfaceChanges(), ser, ser);
        reroute = driver.createOutputTopic(REROUTE_TOPIC, de, de);
        results = driver.createOutputTopic(settings.topics().commandResults(), de, de);
        rejected = driver.createOutputTopic(settings.topics().rejected(), de, de);
    }

    @AfterEach
    void closeTopology() {
        driver.close();
    }

    @Test
    void shouldSendAMisplacedRecordOnUnchangedWithItsOrigin() {
        Headers producers = new RecordHeaders().add("trace", utf8("t-1"))
                .add(Origin.OFFSET_HEADER, utf8("99"));
        adverts.pipeInput(new TestRecord<>(utf8(MISPLACED), utf8(register(MISPLACED)), producers,
                Instant.ofEpochMilli(1_234)));

        TestRecord<byte[], byte[]> r = reroute.readRecord();
        assertThat(r.key()).isEqualTo(utf8(MISPLACED));
        assertThat(r.value()).isEqualTo(utf8(register(MISPLACED)));
        assertThat(r.timestamp()).isEqualTo(1_234);
        assertThat(header(r, "trace")).isEqualTo("t-1");
        assertThat(header(r, Origin.TOPIC_HEADER)).isEqualTo("rtm.route-adverts");
        assertThat(header(r, Origin.PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(r, Origin.OFFSET_HEADER)).as("the producer's header of that name is replaced").isEqualTo("0");
        assertThat(r.headers().headers(Origin.OFFSET_HEADER)).hasSize(1);
        assertThat(json(results.readValue()).path("status").asText()).isEqualTo("NO_ERROR");
        assertThat(rerouted).containsOnlyKeys("rtm.route-adverts");
        assertThat(rerouted.get("rtm.route-adverts")).hasValue(1);
    }

    @Test
    void shouldPassAPlacedRecordStraightToTheTableProcessor() {
        adverts.pipeInput(utf8(PLACED), utf8(register(PLACED)));

        assertThat(reroute.isEmpty()).isTrue();
        assertThat(json(results.readValue()).path("status").asText()).isEqualTo("NO_ERROR");
        assertThat(rerouted).isEmpty();
    }

    @Test
    void shouldApplyAReroutedInterfaceChangeAsAnInterfaceChange() {
        interfaces.pipeInput(utf8(MISPLACED), utf8(interfaceRow(MISPLACED)));

        assertThat(reroute.readRecordsToList()).hasSize(1);
        JsonNode result = json(results.readValue());
        assertThat(result.path("status").asText()).isEqualTo("NO_ERROR");
        assertThat(result.path("op").asText()).isEqualTo("ADD_INSTANCE");
        assertThat(rejected.isEmpty()).isTrue();
        assertThat(rerouted).containsOnlyKeys("rtm.interface-changes");
    }

    @Test
    void shouldNameTheCoordinatesItsProducerWroteWhenARerouteRecordIsRejected() {
        interfaces.pipeInput(utf8(MISPLACED), utf8(interfaceRow(MISPLACED)));
        interfaces.pipeInput(utf8(MISPLACED), utf8("{\"router\": \"r3\", "));

        JsonNode r = json(rejected.readValue());
        assertThat(r.path("topic").asText()).isEqualTo("rtm.interface-changes");
        assertThat(r.path("partition").asInt()).isZero();
        assertThat(r.path("offset").asLong()).isEqualTo(1);
        assertThat(r.path("value").asText()).isEqualTo("{\"router\": \"r3\", ");
    }

    @Test
    void shouldRejectAKeylessRecordWhereItArrives() {
        adverts.pipeInput(null, utf8(register(MISPLACED)));

        assertThat(reroute.isEmpty()).isTrue();
        JsonNode r = json(rejected.readValue());
        assertThat(r.path("topic").asText()).isEqualTo("rtm.route-adverts");
        assertThat(r.path("offset").asLong()).isZero();
        assertThat(rerouted).isEmpty();
    }

    @Test
    void shouldNotBelieveOriginHeadersOnARecordReadFromAnInputTopic() {
        Headers spoofed = new RecordHeaders().add(Origin.TOPIC_HEADER, utf8("rtm.interface-changes"))
                .add(Origin.PARTITION_HEADER, utf8("7")).add(Origin.OFFSET_HEADER, utf8("99"));
        adverts.pipeInput(new TestRecord<>(utf8(PLACED), utf8("not json"), spoofed, Instant.EPOCH));

        JsonNode r = json(rejected.readValue());
        assertThat(r.path("topic").asText()).isEqualTo("rtm.route-adverts");
        assertThat(r.path("partition").asInt()).isZero();
        assertThat(r.path("offset").asLong()).isZero();
    }

    private ProcessorMetrics counting() {
        return new ProcessorMetrics() {
            @Override
            public void rerouted(String topic) {
                RerouteTest.this.rerouted.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
            }
        };
    }

    private static String register(String router) {
        return "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"1\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"family\":\"ipv4\"}";
    }

    private static String interfaceRow(String router) {
        return "{\"router\":\"" + router + "\",\"requestId\":\"i1\",\"notificationType\":\"ADD_INSTANCE\","
                + "\"interface\":{\"family\":\"ipv4\",\"interfaceLuid\":\"" + ((6L << 48) | (1L << 24)) + "\","
                + "\"interfaceIndex\":1,\"metric\":10,\"useAutomaticMetric\":false,\"connected\":true,"
                + "\"unicastAddresses\":[\"192.168.1.1\"]}}";
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(byte[] b) {
        try {
            return Json.MAPPER.readTree(b);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
