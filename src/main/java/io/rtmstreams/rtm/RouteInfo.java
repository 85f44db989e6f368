package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A route with its destination, as RtmGetRouteInfo returns it (R121): live routes are CREATED; a deleted route stays
 * readable by id for a retention period with state DELETED (R80), as does a hold-down route (R94).
 */
public record RouteInfo(TableId table, Prefix dest, Route route, State state) {

    /** RTM_ROUTE_STATE_* (R64). */
    public enum State {
        CREATED,
        DELETING,
        DELETED
    }
}
