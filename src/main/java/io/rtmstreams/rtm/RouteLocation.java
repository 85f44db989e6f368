package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

/**
 * Where a route id leads (the route index of design.md): the destination of a live route, or, for a deleted route
 * still within its retention period (R80), its last content and the time it was deleted.
 */
public record RouteLocation(TableId table, Prefix dest, Route deleted, long deletedAt) {

    static RouteLocation live(TableId table, Prefix dest) {
        return new RouteLocation(table, dest, null, 0);
    }

    public boolean isLive() {
        return deleted == null;
    }
}
