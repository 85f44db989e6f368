package io.rtmstreams.rtm;

import io.rtmstreams.rtm.state.StoreSpec;

import java.util.List;

/** Every store of the RTM engine, by name and value type. The names are stable: they name changelog topics. */
public final class RtmStores {

    public static final StoreSpec<Destination> DESTINATIONS = new StoreSpec<>("rtm-destinations", Destination.class);
    public static final StoreSpec<RouteLocation> ROUTE_INDEX = new StoreSpec<>("rtm-route-index", RouteLocation.class);
    public static final StoreSpec<Boolean> OWNER_INDEX = new StoreSpec<>("rtm-owner-index", Boolean.class);
    public static final StoreSpec<Boolean> INTERFACE_INDEX = new StoreSpec<>("rtm-interface-index", Boolean.class);
    public static final StoreSpec<NextHop> NEXT_HOPS = new StoreSpec<>("rtm-next-hops", NextHop.class);
    public static final StoreSpec<NextHop> NEXT_HOP_IDENTITIES =
            new StoreSpec<>("rtm-next-hop-identities", NextHop.class);
    public static final StoreSpec<Entity> ENTITIES = new StoreSpec<>("rtm-entities", Entity.class);
    public static final StoreSpec<ChangeRegistration> REGISTRATIONS =
            new StoreSpec<>("rtm-registrations", ChangeRegistration.class);
    public static final StoreSpec<Boolean> MARKS = new StoreSpec<>("rtm-marks", Boolean.class);
    public static final StoreSpec<Boolean> PENDING_CHANGES = new StoreSpec<>("rtm-pending-changes", Boolean.class);
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

    public static final List<StoreSpec<?>> ALL = List.of(DESTINATIONS, ROUTE_INDEX, OWNER_INDEX, INTERFACE_INDEX,
            NEXT_HOPS, NEXT_HOP_IDENTITIES, ENTITIES, REGISTRATIONS, MARKS, PENDING_CHANGES, PUBLISHED_NOTIFICATIONS, ROUTE_LISTS,
            ROUTE_LIST_MEMBERS, INVOCATIONS, INVOCATION_QUEUE, OPAQUE, TIMERS, COUNTERS, ROUTER_TIMERS, PENDING_WORK);

    private RtmStores() {
    }
}
