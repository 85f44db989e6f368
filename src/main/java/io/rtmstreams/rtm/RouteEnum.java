package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * A route enumeration (R123, RtmCreateRouteEnum): one destination or the whole table ({@code dest} null, then
 * {@code start}/{@code range} position it as for destinations), views, OWN_ROUTES ({@code ownedBy}), and match
 * criteria. Routes come in destination address order, then in the destination's ranking (R125); hold-down routes
 * only when the views are ANY (R93, R127). {@code after} resumes after a (destination, index) position.
 */
public record RouteEnum(Prefix dest, int views, EntityId ownedBy, Prefix start, boolean range, RouteMatch match,
                        Position after, int limit) {

    /** Where a batch ended: the destination, and how many of its routes were returned. */
    public record Position(Prefix dest, int index) {
    }

    public static RouteEnum of(Prefix dest, int views, EntityId ownedBy, int limit) {
        return new RouteEnum(dest, views, ownedBy, null, false, RouteMatch.ANY, null, limit);
    }

    public RouteEnum resume(Position p) {
        return new RouteEnum(dest, views, ownedBy, start, range, match, p, limit);
    }
}
