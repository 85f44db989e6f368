package io.rtmstreams.streams;

import io.rtmstreams.streams.state.BoundedRocksDbConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Map;
import java.util.Properties;

/**
 * The Kafka Streams configuration rtm-streams runs with: exactly-once by default (D19), transactional state stores
 * read committed by the query API, the error handlers that keep bad input and oversized outputs from stopping the
 * application, explicitly named internal resources, and producer batching for throughput. Anything in {@code overrides} (security settings, tuning) wins.
 */
public final class StreamsProperties {

    /** Read by the error handlers to find the rejected topic. */
    public static final String TOPIC_PREFIX = "rtm.topic.prefix";

    private StreamsProperties() {
    }

    public static Properties of(StreamsSettings settings, String applicationId, String bootstrapServers,
                                String stateDir, boolean exactlyOnce, Map<String, String> overrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingDeserializationHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class);
        // The topology has no global stores; opting in now is Kafka 5.0's default and silences a start-up warning.
        // The partition assignor builds its own StreamsConfig from the main consumer's settings, hence the copy.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OutputProductionHandler.class);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        // KIP-892: a store stages its writes until the changelog transaction commits, so a crash under exactly-once
        // loses only the uncommitted writes (replayed from the inputs) instead of wiping the task's state for a
        // full restore; the query API then reads committed state only, as read-committed consumers see the outputs.
        p.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
        p.put(StreamsConfig.DEFAULT_INTERACTIVE_QUERY_ISOLATION_LEVEL_CONFIG, "READ_COMMITTED");
        // D24: pending work goes on in steps from a punctuation, and a stream thread with no input blocks in poll for
        // up to poll.ms between punctuations; 10 ms instead of 100 keeps an idle task's steps back to back.
        p.put(StreamsConfig.POLL_MS_CONFIG, 10L);
        p.put(TOPIC_PREFIX, settings.topics().prefix());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 131_072);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.putAll(overrides);
        return p;
    }
}
