package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.StoreProvider;

/** The engine's typed tables over the stores of {@link RtmStores}. */
final class RtmState {

    final Destinations destinations;
    final RouteIndex routeIndex;
    final OwnerIndex ownerIndex;
    final InterfaceIndex interfaceIndex;
    final NeighbourIndex neighbourIndex;
    final NextHops nextHops;
    final Entities entities;
    final Registrations registrations;
    final RouteLists routeLists;
    final Invocations invocations;
    final OpaqueSlots opaque;
    final Timers timers;
    final PendingWorks work;
    final Counters counters;

    RtmState(StoreProvider p) {
        destinations = new Destinations(p.store(RtmStores.DESTINATIONS), p.derivesIndexes() ? null
                : DerivedIndexes.into(p));
        routeIndex = new RouteIndex(p.store(RtmStores.LIVE_ROUTES), p.store(RtmStores.DELETED_ROUTES));
        ownerIndex = new OwnerIndex(p.store(RtmStores.OWNED_ROUTES));
        interfaceIndex = new InterfaceIndex(p.store(RtmStores.INTERFACE_USES));
        neighbourIndex = new NeighbourIndex(p.store(RtmStores.NEIGHBOUR_ROUTES));
        nextHops = new NextHops(p.store(RtmStores.NEXT_HOPS), p.store(RtmStores.NEXT_HOP_IDENTITIES));
        entities = new Entities(p.store(RtmStores.ENTITIES));
        registrations = new Registrations(p.store(RtmStores.REGISTRATIONS), p.store(RtmStores.MARKS),
                p.store(RtmStores.PUBLISHED_NOTIFICATIONS));
        routeLists = new RouteLists(p.store(RtmStores.ROUTE_LISTS), p.store(RtmStores.ROUTE_LIST_MEMBERS));
        invocations = new Invocations(p.store(RtmStores.INVOCATIONS), p.store(RtmStores.INVOCATION_QUEUE));
        opaque = new OpaqueSlots(p.store(RtmStores.OPAQUE));
        timers = new Timers(p.store(RtmStores.ROUTER_TIMERS), p.store(RtmStores.TIMERS));
        work = new PendingWorks(p.store(RtmStores.PENDING_WORK));
        counters = new Counters(p.store(RtmStores.COUNTERS));
    }
}
