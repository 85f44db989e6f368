package io.rtmstreams.rtm;

/**
 * Per-view state of a destination (R34): the best route's id (0 for none), why it won, the hold-down route (R90),
 * and the versions of the last output records for this (destination, view) (D21): {@code version} counts destination
 * changes, {@code bestVersion} counts best-route records (tombstones included), which are fewer, because a change a
 * best-route consumer cannot see produces no best-route record.
 *
 * <p>{@code reason} is stored rather than recomputed because it depends on the incumbent at the moment of selection
 * (LONGEST_HELD can only be told from INCUMBENT then); it is null when the view has no best route, and in state
 * written before reasons were recorded ({@link DestViews#reason} derives one then).
 */
public record ViewSlot(long bestRouteId, SelectionReason reason, Route holdRoute, long version, long bestVersion) {

    public static final ViewSlot EMPTY = new ViewSlot(0, null, null, 0, 0);

    public ViewSlot withBest(long routeId, SelectionReason why) {
        return new ViewSlot(routeId, why, holdRoute, version, bestVersion);
    }

    public ViewSlot withHold(Route route) {
        return new ViewSlot(bestRouteId, reason, route, version, bestVersion);
    }

    public ViewSlot withVersions(long changeVersion, long bestRecordVersion) {
        return new ViewSlot(bestRouteId, reason, holdRoute, changeVersion, bestRecordVersion);
    }
}
