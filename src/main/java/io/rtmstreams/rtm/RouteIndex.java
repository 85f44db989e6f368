package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.OrderedStore;

/** Route id → destination (design.md, Indexes), and the last content of recently deleted routes (R80). */
final class RouteIndex {

    private final OrderedStore<RouteLocation> store;

    RouteIndex(OrderedStore<RouteLocation> store) {
        this.store = store;
    }

    RouteLocation get(String router, long routeId) {
        return store.get(Keys.routeId(router, routeId));
    }

    void putLive(TableId t, Prefix dest, long routeId) {
        store.put(Keys.routeId(t.router(), routeId), RouteLocation.live(t, dest));
    }

    void putDeleted(TableId t, Prefix dest, Route route, long now) {
        store.put(Keys.routeId(t.router(), route.id()), new RouteLocation(t, dest, route, now));
    }

    void remove(String router, long routeId) {
        store.delete(Keys.routeId(router, routeId));
    }
}
