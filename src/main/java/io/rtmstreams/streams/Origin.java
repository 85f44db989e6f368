package io.rtmstreams.streams;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.nio.charset.StandardCharsets;

/**
 * Where a producer wrote an input record: its topic, partition and offset (D23). A record that takes the reroute
 * topic carries them as headers, so it is dispatched by the topic it was written to and a rejection names the
 * coordinates its producer knows. The headers are UTF-8 text, readable with {@code kcat -f '%h'}.
 */
public record Origin(String topic, int partition, long offset) {

    static final String TOPIC_HEADER = "rtm.origin.topic";
    static final String PARTITION_HEADER = "rtm.origin.partition";
    static final String OFFSET_HEADER = "rtm.origin.offset";

    static Origin of(RecordMetadata m) {
        return new Origin(m.topic(), m.partition(), m.offset());
    }

    /**
     * Where the record being processed at {@code topic}-{@code partition}@{@code offset} was written: there, for an
     * input topic; for the reroute topic, the input coordinates its headers carry, or null when they hold none.
     * Headers of the same names on a record read from an input topic are a producer's and are not believed.
     */
    public static Origin of(Topics topics, String topic, int partition, long offset, Headers headers) {
        if (topics.isInput(topic)) {
            return new Origin(topic, partition, offset);
        }
        Origin o = read(headers);
        return o != null && topics.isInput(o.topic()) ? o : null;
    }

    /** A copy of {@code headers} with these coordinates in place of any the producer set under the same names. */
    Headers addTo(Headers headers) {
        RecordHeaders h = new RecordHeaders(headers.toArray());
        h.remove(TOPIC_HEADER).remove(PARTITION_HEADER).remove(OFFSET_HEADER);
        return h.add(TOPIC_HEADER, utf8(topic))
                .add(PARTITION_HEADER, utf8(Integer.toString(partition)))
                .add(OFFSET_HEADER, utf8(Long.toString(offset)));
    }

    private static Origin read(Headers headers) {
        String topic = text(headers.lastHeader(TOPIC_HEADER));
        String partition = text(headers.lastHeader(PARTITION_HEADER));
        String offset = text(headers.lastHeader(OFFSET_HEADER));
        if (topic == null || partition == null || offset == null) {
            return null;
        }
        try {
            return new Origin(topic, Integer.parseInt(partition), Long.parseLong(offset));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Header h) {
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
