package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.OrderedStore;

/**
 * Route id → destination (design.md, Indexes), and the last content of recently deleted routes (R80). Live routes
 * are a {@linkplain DerivedIndexes derived index}; deleted ones follow from no destination, so they have a store of
 * their own, written here and looked up after the live one. That store is where version 1 kept its whole route
 * index: an entry of it that says "live" is version 1's, stale, and read as absent until the store layer deletes it.
 */
final class RouteIndex {

    private final OrderedStore<RouteLocation> live;
    private final OrderedStore<RouteLocation> deleted;

    RouteIndex(OrderedStore<RouteLocation> live, OrderedStore<RouteLocation> deleted) {
        this.live = live;
        this.deleted = deleted;
    }

    RouteLocation get(String router, long routeId) {
        byte[] key = Keys.routeId(router, routeId);
        RouteLocation loc = live.get(key);
        return loc != null ? loc : deletedAt(key);
    }

    void putDeleted(TableId t, Prefix dest, Route route, long now) {
        deleted.put(Keys.routeId(t.router(), route.id()), new RouteLocation(t, dest, route, now));
    }

    /** Forgets a deleted route at the end of its retention (R80); a route that is live again is not touched. */
    void forgetDeleted(String router, long routeId) {
        byte[] key = Keys.routeId(router, routeId);
        if (deletedAt(key) != null) {
            deleted.delete(key);
        }
    }

    private RouteLocation deletedAt(byte[] key) {
        RouteLocation loc = deleted.get(key);
        return loc == null || loc.isLive() ? null : loc;
    }
}
