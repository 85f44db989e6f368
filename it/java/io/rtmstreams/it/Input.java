package io.rtmstreams.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.streams.Topics;

import java.nio.charset.StandardCharsets;

/**
 * One record for an input topic of the processor, as raw bytes (so a test can send what no well-behaved producer
 * would: text that is not JSON, bytes that are not UTF-8, tombstones), with the time it is stamped with.
 *
 * @param topic     the input topic without its prefix: {@value #ADVERTS} or {@value #INTERFACES}
 * @param key       the record key (null: none)
 * @param value     the record value (null: a tombstone)
 * @param timestamp the record's time (event time for the processor: timers due before it fire first, D8)
 * @param requestId the request id a command result must carry, or null for input that gets none (rejected)
 */
public record Input(String topic, byte[] key, byte[] value, long timestamp, String requestId) {

    public static final String ADVERTS = "route-adverts";
    public static final String INTERFACES = "interface-changes";

    /** A command of {@code rtm.route-adverts}, keyed by its router (D2); it must be answered under its requestId. */
    public static Input command(ObjectNode command, long timestamp) {
        return json(ADVERTS, command, timestamp);
    }

    /** An interface change of {@code rtm.interface-changes}, keyed by its router; it is answered like a command. */
    public static Input interfaceChange(ObjectNode change, long timestamp) {
        return json(INTERFACES, change, timestamp);
    }

    private static Input json(String topic, ObjectNode value, long timestamp) {
        String router = value.path("router").asText();
        String requestId = value.hasNonNull("requestId") ? value.get("requestId").asText() : null;
        return new Input(topic, utf8(router), utf8(value.toString()), timestamp, requestId);
    }

    /** Input that must be rejected (no command result): any key and value bytes. */
    public static Input unreadable(String topic, byte[] key, byte[] value, long timestamp) {
        return new Input(topic, key, value, timestamp, null);
    }

    /** The same record stamped with another time. */
    public Input at(long time) {
        return new Input(topic, key, value, time, requestId);
    }

    /** The full topic name under {@code topics}' prefix. */
    public String topicName(Topics topics) {
        return topics.prefix() + topic;
    }

    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return topic + " " + OutputRecord.text(key) + " @" + timestamp + ": " + OutputRecord.text(value);
    }
}
