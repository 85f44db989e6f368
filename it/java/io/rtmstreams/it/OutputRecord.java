package io.rtmstreams.it;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A record the processor wrote, as a consumer saw it.
 *
 * @param topic     the output topic without its prefix ({@code best-routes})
 * @param partition its partition (-1 where there is none: the topology test driver)
 * @param offset    its offset in the partition (the driver: its position in the topic)
 * @param timestamp its time: the time of what caused it, a command's record time or a timer's deadline
 * @param key       the key as text ({@link #text(byte[])})
 * @param value     the value as text, null for a tombstone
 */
public record OutputRecord(String topic, int partition, long offset, long timestamp, String key, String value) {

    /** UTF-8 text, or {@code base64:...} for bytes that are not UTF-8; null stays null. */
    public static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }

    public boolean tombstone() {
        return value == null;
    }
}
