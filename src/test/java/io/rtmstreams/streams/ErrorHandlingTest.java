package io.rtmstreams.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtmstreams.contract.Json;
import io.rtmstreams.rtm.RtmStores;
import io.rtmstreams.streams.state.IndexDerivingStore;
import io.rtmstreams.streams.state.StoreRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Processing, deserialization and production errors are handled deliberately (issue 4, D20). */
class ErrorHandlingTest {

    private static String register(String router) {
        return "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"1\",\"router\":\"" + router + "\","
                + "\"entity\":{\"protocolId\":14,\"instanceId\":1},\"family\":\"ipv4\"}";
    }

    private static String add(String router, String requestId, String prefix) {
        return "{\"op\":\"ADD_ROUTE\",\"requestId\":\"" + requestId + "\",\"router\":\"" + router
                + "\",\"entity\":{\"protocolId\":14,"
                + "\"instanceId\":1},\"dest\":\"" + prefix + "\",\"nextHops\":[],\"neighbour\":null,\"preference\":20,"
                + "\"metric\":1,\"views\":[\"unicast\"]}";
    }

    /**
     * With four input partitions on the test driver (all its records are on partition 0), r3's records take the
     * reroute topic (D23); the rejection still names where the producer wrote the record.
     */
    @ParameterizedTest(name = "router {0} of {1} input partitions")
    @CsvSource({"r1, 1", "r3, 4"})
    void shouldRejectTheRecordAndGoOnWhenProcessingFailsOnCorruptState(String router, int partitions,
                                                                      @TempDir Path dir) throws Exception {
        StreamsSettings s = StreamsSettings.defaults().withInputPartitions(partitions);
        Properties p = StreamsProperties.of(s, "errors", "unused:9092", dir.toString(), true, Map.of());
        try (TopologyTestDriver d = new TopologyTestDriver(RtmTopology.build(s, ProcessorMetrics.NONE), p)) {
            TestInputTopic<String, String> in = d.createInputTopic(s.topics().routeAdverts(), new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> results = d.createOutputTopic(s.topics().commandResults(),
                    new StringDeserializer(), new StringDeserializer());
            TestOutputTopic<String, String> rejected = d.createOutputTopic(s.topics().rejected(),
                    new StringDeserializer(), new StringDeserializer());
            in.pipeInput(router, register(router));
            in.pipeInput(router, add(router, "a", "10.0.0.0/8"));
            corruptEveryDestination(d.getKeyValueStore(StoreRegistry.TABLE_STATE));

            in.pipeInput(router, add(router, "b", "10.0.0.0/8"));
            in.pipeInput(router, add(router, "c", "192.0.2.0/24"));

            List<KeyValue<String, String>> rej = rejected.readKeyValuesToList();
            assertThat(rej).hasSize(1);
            JsonNode r = Json.MAPPER.readTree(rej.get(0).value);
            assertThat(r.get("reason").asText()).startsWith("processing failed: ").contains("IllegalStateException");
            assertThat(r.get("topic").asText()).isEqualTo("rtm.route-adverts");
            assertThat(r.get("partition").asInt()).isZero();
            assertThat(r.get("offset").asLong()).isEqualTo(2);
            assertThat(Json.MAPPER.readTree(r.get("value").asText()).get("requestId").asText()).isEqualTo("b");
            assertThat(results.readValuesToList()).extracting(v -> Json.MAPPER.readTree(v).get("requestId").asText())
                    .containsExactly("1", "a", "c");
        }
    }

    /** Overwrites every destination in RocksDB itself, below the store layer that derives indexes from them. */
    private static void corruptEveryDestination(KeyValueStore<Bytes, byte[]> tableState) {
        KeyValueStore<Bytes, byte[]> store = ((WrappedStateStore<?, ?, ?>) tableState)
                .findInner(IndexDerivingStore.class).wrapped();
        int destinations = StoreRegistry.namespace(RtmStores.DESTINATIONS).id();
        List<Bytes> keys = new java.util.ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (kv.key.get()[0] == destinations) {
                    keys.add(kv.key);
                }
            });
        }
        assertThat(keys).isNotEmpty();
        keys.forEach(k -> store.put(k, new byte[]{1, 2, 3}));
    }

    @Test
    void shouldSkipAnOutputTooLargeForTheBrokerAndStopOnAnyOtherProductionFailure() {
        OutputProductionHandler h = new OutputProductionHandler();
        h.configure(Map.of());
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("rtm.fleet-routes", "k".getBytes(), new byte[10]);
        assertThat(h.handleError(context(), out, new RecordTooLargeException("big")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(h.handleError(context(), out, new TopicAuthorizationException("no")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    @Test
    void shouldSendAnUnreadableRecordToTheRejectedTopicOfTheConfiguredPrefix() throws Exception {
        RejectingDeserializationHandler h = new RejectingDeserializationHandler();
        h.configure(Map.of(StreamsProperties.TOPIC_PREFIX, "lab."));
        var response = h.handleError(context(), null, new IllegalArgumentException("bad bytes"));
        assertThat(response.result().name()).isEqualTo("RESUME");
        ProducerRecord<byte[], byte[]> dlq = response.deadLetterQueueRecords().get(0);
        assertThat(dlq.topic()).isEqualTo("lab.rejected");
        assertThat(dlq.key()).isEqualTo(new byte[]{(byte) 0xFF});
        JsonNode v = Json.MAPPER.readTree(dlq.value());
        assertThat(v.get("reason").asText()).contains("bad bytes");
        assertThat(v.get("key").asText()).isEqualTo("/w==");
        assertThat(v.get("keyEncoding").asText()).isEqualTo("base64");
        assertThat(v.get("value").asText()).isEqualTo("{}");
        assertThat(v.get("partition").asInt()).isEqualTo(3);
        assertThat(v.get("offset").asLong()).isEqualTo(42);
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() {
                return "lab.best-routes";
            }

            public int partition() {
                return 3;
            }

            public long offset() {
                return 42;
            }

            public org.apache.kafka.common.header.Headers headers() {
                return new org.apache.kafka.common.header.internals.RecordHeaders();
            }

            public String processorNodeId() {
                return "best-routes-source";
            }

            public TaskId taskId() {
                return new TaskId(1, 3);
            }

            public long timestamp() {
                return 7;
            }

            public byte[] sourceRawKey() {
                return new byte[]{(byte) 0xFF};
            }

            public byte[] sourceRawValue() {
                return "{}".getBytes();
            }
        };
    }
}
