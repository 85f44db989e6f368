package io.rtmstreams.streams.errors;

import io.rtmstreams.streams.JsonSerializer;
import io.rtmstreams.streams.Rejection;
import io.rtmstreams.streams.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.util.List;
import java.util.Map;

/**
 * Shared by the error handlers: where rejected records go (the configured topic prefix's rejected topic) and how
 * one is built from the failing input's coordinates and raw bytes (contract.md, Rejected).
 */
final class RejectedRecords {

    /** The streams property carrying the topic prefix to the handlers (they are created by Kafka, not by us). */
    static final String TOPIC_PREFIX_CONFIG = io.rtmstreams.streams.StreamsProperties.TOPIC_PREFIX;

    private final String topic;

    RejectedRecords(Map<String, ?> configs) {
        Object prefix = configs.get(TOPIC_PREFIX_CONFIG);
        topic = new Topics(prefix == null ? Topics.DEFAULT_PREFIX : prefix.toString()).rejected();
    }

    String topic() {
        return topic;
    }

    List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext ctx, String reason) {
        byte[] value = new JsonSerializer().serialize(topic, Rejection.of(reason, ctx.topic(), ctx.partition(),
                ctx.offset(), ctx.sourceRawKey(), ctx.sourceRawValue()));
        return List.of(new ProducerRecord<>(topic, null, ctx.timestamp(), ctx.sourceRawKey(), value));
    }

    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root == e ? "" : " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    }
}
