package io.rtmstreams.contract;

import io.rtmstreams.rtm.EntityId;

/**
 * What identifies a command for its result, read before anything else can fail: op, requestId, router, instance and
 * caller (D20), and which results it wants published (D26). Fields that could not be read are null (rtmInstance 0;
 * ack ALL, so that the error is published).
 */
public record Envelope(String op, String requestId, String router, int rtmInstance, EntityId entity, Ack ack) {

    /** Input without an {@code ack} (interface changes): every result is published. */
    public Envelope(String op, String requestId, String router, int rtmInstance, EntityId entity) {
        this(op, requestId, router, rtmInstance, entity, Ack.ALL);
    }
}
