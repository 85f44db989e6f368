package io.rtmstreams.contract;


import java.util.Base64;

/** Builds the rejected-topic record of unreadable input: the reason, where it came from, and its bytes (D20). */
public final class Rejection {

    private Rejection() {
    }

    public static OutputJson.Rejected of(String reason, String topic, int partition, long offset, byte[] key,
                                         byte[] value) {
        String k = Utf8.decode(key);
        String v = Utf8.decode(value);
        return new OutputJson.Rejected(reason, topic, partition, offset,
                k != null || key == null ? k : Base64.getEncoder().encodeToString(key),
                v != null || value == null ? v : Base64.getEncoder().encodeToString(value),
                k == null && key != null ? "base64" : null,
                v == null && value != null ? "base64" : null);
    }
}
