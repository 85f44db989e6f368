package io.rtmstreams.streams;

import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/** Output keys: strings as UTF-8; the rejected topic keeps the input key's original bytes. */
final class KeySerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof byte[] b) {
            return b;
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
