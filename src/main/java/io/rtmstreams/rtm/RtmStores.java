package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.StoreSpec;

import java.util.List;

/**
 * Every store of the RTM engine, by name and value type. The names are how the store layer finds each store's place
 * (its namespace) and codec: never rename one.
 */
public final class RtmStores {

    public static final StoreSpec<Destination> DESTINATIONS = new StoreSpec<>("rtm-destinations", Destination.class);
    /** Deleted routes kept readable by id for their retention period (R80): not derivable from destinations. */
    public static final StoreSpec<RouteLocation> DELETED_ROUTES =
            new StoreSpec<>("rtm-deleted-routes", RouteLocation.class);
    /** Derived ({@link DerivedIndexes}): {@code router | route id} → the destination of a live route. */
    public static final StoreSpec<RouteLocation> LIVE_ROUTES = new StoreSpec<>("rtm-live-routes", RouteLocation.class);
    /** Derived: {@code table | owner | prefix | route id}, an entity's routes in address order (D3). */
    public static final StoreSpec<Boolean> OWNED_ROUTES = new StoreSpec<>("rtm-owned-routes", Boolean.class);
    /** Derived: {@code router | family | interface index | instance | prefix}, destinations over an interface (D14). */
    public static final StoreSpec<Boolean> INTERFACE_USES = new StoreSpec<>("rtm-interface-uses", Boolean.class);
    /**
     * Derived: {@code table | owner | neighbour address | prefix | neighbour interface index | route id}, an entity's
     * routes learned from a neighbour, in address order (D29).
     */
    public static final StoreSpec<Boolean> NEIGHBOUR_ROUTES = new StoreSpec<>("rtm-neighbour-routes", Boolean.class);
    public static final StoreSpec<NextHop> NEXT_HOPS = new StoreSpec<>("rtm-next-hops", NextHop.class);
    public static final StoreSpec<NextHop> NEXT_HOP_IDENTITIES =
            new StoreSpec<>("rtm-next-hop-identities", NextHop.class);
    public static final StoreSpec<Entity> ENTITIES = new StoreSpec<>("rtm-entities", Entity.class);
    public static final StoreSpec<ChangeRegistration> REGISTRATIONS =
            new StoreSpec<>("rtm-registrations", ChangeRegistration.class);
    public static final StoreSpec<Boolean> MARKS = new StoreSpec<>("rtm-marks", Boolean.class);
    public static final StoreSpec<Long> PUBLISHED_NOTIFICATIONS =
            new StoreSpec<>("rtm-published-notifications", Long.class);
    public static final StoreSpec<Boolean> ROUTE_LISTS = new StoreSpec<>("rtm-route-lists", Boolean.class);
    public static final StoreSpec<Boolean> ROUTE_LIST_MEMBERS = new StoreSpec<>("rtm-route-list-members", Boolean.class);
    public static final StoreSpec<Invocation> INVOCATIONS = new StoreSpec<>("rtm-invocations", Invocation.class);
    public static final StoreSpec<String> INVOCATION_QUEUE = new StoreSpec<>("rtm-invocation-queue", String.class);
    public static final StoreSpec<String> OPAQUE = new StoreSpec<>("rtm-opaque", String.class);
    /** Version 1's time-ordered timers: only read, to move them into {@link #ROUTER_TIMERS}. */
    public static final StoreSpec<TimerRef> TIMERS = new StoreSpec<>("rtm-timers", TimerRef.class);
    public static final StoreSpec<TimerRef> ROUTER_TIMERS = new StoreSpec<>("rtm-router-timers", TimerRef.class);
    public static final StoreSpec<PendingWork> PENDING_WORK = new StoreSpec<>("rtm-pending-work", PendingWork.class);
    public static final StoreSpec<Long> COUNTERS = new StoreSpec<>("rtm-counters", Long.class);

    /** The indexes that are pure functions of the destinations ({@link DerivedIndexes}). */
    public static final List<StoreSpec<?>> DERIVED = List.of(LIVE_ROUTES, OWNED_ROUTES, INTERFACE_USES,
            NEIGHBOUR_ROUTES);

    public static final List<StoreSpec<?>> ALL = List.of(DESTINATIONS, DELETED_ROUTES, LIVE_ROUTES, OWNED_ROUTES,
            INTERFACE_USES, NEIGHBOUR_ROUTES, NEXT_HOPS, NEXT_HOP_IDENTITIES, ENTITIES, REGISTRATIONS, MARKS, PUBLISHED_NOTIFICATIONS, ROUTE_LISTS,
            ROUTE_LIST_MEMBERS, INVOCATIONS, INVOCATION_QUEUE, OPAQUE, TIMERS, COUNTERS, ROUTER_TIMERS, PENDING_WORK);

    private RtmStores() {
    }
}
