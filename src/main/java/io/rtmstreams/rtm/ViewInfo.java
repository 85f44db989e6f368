package io.rtmstreams.rtm;

/**
 * The per-view part of a destination record (R34, RTM_DEST_INFO.ViewInfo): number of routes, the best route (or the
 * best of the selected protocol, R77), and the hold-down route. {@code destFlags} are the best route's flags (R38).
 */
public record ViewInfo(View view, int numRoutes, BestRoute route, Route holdRoute) {

    public EntityId owner() {
        return route == null ? null : route.route().owner();
    }

    public int destFlags() {
        return route == null ? 0 : route.route().flags();
    }
}
