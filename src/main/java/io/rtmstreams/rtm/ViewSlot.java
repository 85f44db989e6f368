package io.rtmstreams.rtm;

/**
 * Per-view state of a destination (R34): the best route's id (0 for none), the hold-down route (R90), and the
 * versions of the last output records for this (destination, view) (D21): {@code version} counts destination
 * changes, {@code bestVersion} counts best-route records (tombstones included), which are fewer, because a change a
 * best-route consumer cannot see produces no best-route record.
 */
public record ViewSlot(long bestRouteId, Route holdRoute, long version, long bestVersion) {

    public static final ViewSlot EMPTY = new ViewSlot(0, null, 0, 0);

    public ViewSlot withBest(long routeId) {
        return new ViewSlot(routeId, holdRoute, version, bestVersion);
    }

    public ViewSlot withHold(Route route) {
        return new ViewSlot(bestRouteId, route, version, bestVersion);
    }

    public ViewSlot withVersions(long changeVersion, long bestRecordVersion) {
        return new ViewSlot(bestRouteId, holdRoute, changeVersion, bestRecordVersion);
    }
}
