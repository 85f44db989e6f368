package io.rtmstreams.streams.json;

import io.rtmstreams.rtm.EntityId;

/**
 * What identifies a command for its result, read before anything else can fail: op, requestId, router, instance and
 * caller (D20). Fields that could not be read are null (rtmInstance 0).
 */
public record Envelope(String op, String requestId, String router, int rtmInstance, EntityId entity) {
}
