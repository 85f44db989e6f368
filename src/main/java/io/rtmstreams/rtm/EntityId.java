package io.rtmstreams.rtm;

/**
 * The identity of a registered entity within its table: (EntityProtocolId, EntityInstanceId), both unsigned 32-bit
 * (R8, R14). Ordered by protocol id, then instance id.
 */
public record EntityId(long protocolId, long instanceId) implements Comparable<EntityId> {

    public EntityId {
        Unsigned.checkU32("protocolId", protocolId);
        Unsigned.checkU32("instanceId", instanceId);
    }

    public static EntityId of(long protocolId, long instanceId) {
        return new EntityId(protocolId, instanceId);
    }

    @Override
    public int compareTo(EntityId o) {
        int c = Long.compare(protocolId, o.protocolId);
        return c != 0 ? c : Long.compare(instanceId, o.instanceId);
    }

    @Override
    public String toString() {
        return protocolId + "." + instanceId;
    }
}
