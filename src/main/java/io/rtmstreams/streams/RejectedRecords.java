package io.rtmstreams.streams;

import io.rtmstreams.contract.Rejection;
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

    private final Topics topics;
    private final String topic;

    RejectedRecords(Map<String, ?> configs) {
        Object prefix = configs.get(TOPIC_PREFIX_CONFIG);
        topics = new Topics(prefix == null ? Topics.DEFAULT_PREFIX : prefix.toString());
        topic = topics.rejected();
    }

    String topic() {
        return topic;
    }

    /** Where the failing record was written: for one that took the reroute topic, its input coordinates (D23). */
    Origin origin(ErrorHandlerContext ctx) {
        Origin o = Origin.of(topics, ctx.topic(), ctx.partition(), ctx.offset(), ctx.headers());
        return o != null ? o : new Origin(ctx.topic(), ctx.partition(), ctx.offset());
    }

    List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext ctx, String reason) {
        Origin at = origin(ctx);
        byte[] value = new JsonSerializer().serialize(topic, Rejection.of(reason, at.topic(), at.partition(),
                at.offset(), ctx.sourceRawKey(), ctx.sourceRawValue()));
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
