package io.rtmstreams.rtm;

/**
 * What a route's next hops make of it (D11–D13): whether it competes at all, the interface metric that joins its
 * own metric, which of its next hops are usable (bit {@code i} for {@code nextHops().get(i)}), and a fingerprint of
 * the interfaces (LUIDs) behind the usable next hops, 0 when none is known. The fingerprint makes an interface
 * index that now names another interface a visible change of the route, even at the same cost, so that best-route
 * records never name a stale interface (D21).
 */
public record RouteCost(boolean eligible, long interfaceMetric, long usableMask, long interfaces) {

    /** A cost with no known interface behind the next hops. */
    public RouteCost(boolean eligible, long interfaceMetric, long usableMask) {
        this(eligible, interfaceMetric, usableMask, 0);
    }

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
