package io.rtmstreams.streams;

import io.rtmstreams.streams.json.OutputJson;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds the rejected-topic record of unreadable input: the reason, where it came from, and its bytes (D20). */
public final class Rejection {

    private Rejection() {
    }

    public static OutputJson.Rejected of(String reason, String topic, int partition, long offset, byte[] key,
                                         byte[] value) {
        String k = utf8(key);
        String v = utf8(value);
        return new OutputJson.Rejected(reason, topic, partition, offset,
                k != null || key == null ? k : Base64.getEncoder().encodeToString(key),
                v != null || value == null ? v : Base64.getEncoder().encodeToString(value),
                k == null && key != null ? "base64" : null,
                v == null && value != null ? "base64" : null);
    }

    static String utf8(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
