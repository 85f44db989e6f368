package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.Status;

/**
 * What GetBestRoute2 answers (B9): the chosen route of destination {@code prefix}, the next hop it leaves through
 * (the gateway, or zeros for an on-link route; null for a route without next hops), the outgoing interface, the
 * route's Metric <em>offset</em> (Q7) and the effective metric beside it, the best source address, and whether the
 * outgoing interface is disconnected (G7, Q3). On failure every output is zeroed (B1).
 */
public record BestRouteResult(Status status, String message, Prefix prefix, Route route, IpAddress nextHop,
                              long interfaceLuid, long interfaceIndex, long metric, long effectiveMetric,
                              SockAddrInet bestSourceAddress, boolean stale) {

    static BestRouteResult failure(Status status, String message) {
        return new BestRouteResult(status, message, null, null, null, 0, 0, 0, 0, null, false);
    }

    public boolean succeeded() {
        return status == Status.NO_ERROR;
    }

    /** The chosen route's id (D22), 0 on failure. */
    public long routeId() {
        return route == null ? 0 : route.id();
    }
}
