package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A destination enumeration (R122, RtmCreateDestEnum): views (ANY, ALL or a mask), scope (every destination, or
 * only those where {@code ownedBy} owns the best route in a requested view), position ({@code start} null for the
 * table's start; with {@code range} only prefixes inside {@code start}), and the protocol whose best route is
 * reported (R77). {@code after} resumes after the last destination of the previous batch.
 */
public record DestEnum(int views, EntityId ownedBy, Prefix start, boolean range, long protocolId, Prefix after,
                       int limit) {

    public static DestEnum all(int views, int limit) {
        return new DestEnum(views, null, null, false, ProtocolIds.BEST_PROTOCOL, null, limit);
    }

    public DestEnum resume(Prefix last) {
        return new DestEnum(views, ownedBy, start, range, protocolId, last, limit);
    }
}
