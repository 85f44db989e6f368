package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.StoreProvider;

/**
 * The typed tables {@link RtmQueries} reads, over the stores of {@link RtmStores} and nothing else: no cache, no
 * writer, so one instance may serve many threads over stores another thread writes (interactive queries), and the
 * engine's own queries read exactly what its writers have stored. The engine's {@link RtmState} holds the same
 * tables for writing, some with caches of their own.
 */
final class RtmReads {

    final Destinations destinations;
    final RouteIndex routeIndex;
    final NextHops nextHops;
    final Entities.Stored entities;
    final RouteLists routeLists;
    final OpaqueSlots opaque;
    final Counters.Stored counters;

    RtmReads(StoreProvider p) {
        destinations = new Destinations(p.store(RtmStores.DESTINATIONS), null);
        routeIndex = new RouteIndex(p.store(RtmStores.LIVE_ROUTES), p.store(RtmStores.DELETED_ROUTES));
        nextHops = new NextHops(p.store(RtmStores.NEXT_HOPS), p.store(RtmStores.NEXT_HOP_IDENTITIES));
        entities = new Entities.Stored(p.store(RtmStores.ENTITIES));
        routeLists = new RouteLists(p.store(RtmStores.ROUTE_LISTS), p.store(RtmStores.ROUTE_LIST_MEMBERS));
        opaque = new OpaqueSlots(p.store(RtmStores.OPAQUE));
        counters = new Counters.Stored(p.store(RtmStores.COUNTERS));
    }
}
