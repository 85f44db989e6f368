package io.rtmstreams.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rtmstreams.contract.Json;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes output values as the contract's JSON; null stays null (a tombstone). */
public final class JsonSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " for " + topic, e);
        }
    }
}
