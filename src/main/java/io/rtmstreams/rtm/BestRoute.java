package io.rtmstreams.rtm;

import java.util.List;

/**
 * A view's best route as consumers see it: the route, its usable next hops with the interface LUID where the
 * router reported one (D13, contract Best route), and why it won (contract v2, Selection reason).
 */
public record BestRoute(Route route, List<Hop> nextHops, SelectionReason reason) {

    public BestRoute {
        nextHops = List.copyOf(nextHops);
    }

    /** A usable next hop; {@code interfaceLuid} is null when no interface row names its index. */
    public record Hop(NextHopRef nextHop, Long interfaceLuid) {
    }

    public long interfaceMetric() {
        return route.cost().interfaceMetric();
    }

    public long effectiveMetric() {
        return route.effectiveMetric();
    }
}
