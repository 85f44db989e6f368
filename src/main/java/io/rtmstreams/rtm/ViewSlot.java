package io.rtmstreams.rtm;

/**
 * Per-view state of a destination (R34): the best route's id (0 for none), the hold-down route (R90), and the
 * version of the last output record for this (destination, view) (D21).
 */
public record ViewSlot(long bestRouteId, Route holdRoute, long version) {

    public static final ViewSlot EMPTY = new ViewSlot(0, null, 0);

    public ViewSlot withBest(long routeId) {
        return new ViewSlot(routeId, holdRoute, version);
    }

    public ViewSlot withHold(Route route) {
        return new ViewSlot(bestRouteId, route, version);
    }

    public ViewSlot withVersion(long v) {
        return new ViewSlot(bestRouteId, holdRoute, v);
    }
}
