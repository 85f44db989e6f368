package io.rtmstreams.rtm;

/**
 * What a route's next hops make of it (D11–D13): whether it competes at all, the interface metric that joins its
 * own metric, and which of its next hops are usable (bit {@code i} for {@code nextHops().get(i)}).
 */
public record RouteCost(boolean eligible, long interfaceMetric, long usableMask) {

    /** The cost of a route with {@code nextHopCount} next hops when no interface is known: RTMv2's plain cost. */
    public static RouteCost plain(int nextHopCount) {
        return new RouteCost(true, 0, allUsable(nextHopCount));
    }

    public static long allUsable(int nextHopCount) {
        return nextHopCount >= 64 ? -1L : (1L << nextHopCount) - 1;
    }

    public boolean usable(int nextHopIndex) {
        return (usableMask >>> nextHopIndex & 1) != 0;
    }
}
