package io.rtmstreams.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the wire contract. Reading is strict where leniency would change meaning (no floats or
 * strings where integers are expected, no duplicate keys, nothing after the object) and tolerant where the contract
 * asks for it (unknown fields are ignored, for forward compatibility). Writing leaves out absent optional fields.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false)
            .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }
}
