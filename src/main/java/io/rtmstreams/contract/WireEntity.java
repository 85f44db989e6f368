package io.rtmstreams.contract;

import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ProtocolIds;

/**
 * An entity on the wire: {@code {"protocolId": 14, "instanceId": 1}}; the protocol id may be a name (BGP). Outputs
 * always use the number.
 */
public record WireEntity(Object protocolId, Long instanceId) {

    public static WireEntity of(EntityId e) {
        return new WireEntity(e.protocolId(), e.instanceId());
    }

    EntityId toEntity(String field) {
        if (protocolId == null || instanceId == null) {
            throw new IllegalArgumentException(field + " needs protocolId and instanceId");
        }
        long protocol;
        if (protocolId instanceof String name) {
            protocol = ProtocolIds.fromName(name);
        } else if (protocolId instanceof Number n && (n instanceof Integer || n instanceof Long)) {
            protocol = n.longValue();
        } else {
            throw new IllegalArgumentException(field + ".protocolId must be an integer or a protocol name");
        }
        return new EntityId(protocol, instanceId);
    }
}
