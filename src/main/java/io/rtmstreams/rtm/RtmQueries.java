package io.rtmstreams.rtm;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.StoreProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The read-only calls of RTMv2 (R22, R23, R28, R45, R71, R115–R136). They change nothing; an error is an
 * {@link RtmException} carrying the Win32 status.
 *
 * <p>The read model, apart from the writer as GoBGP keeps its table's read API apart: it reads the stores through
 * {@link RtmReads}, which caches nothing, so the engine and the query API use the same class, and one instance may
 * serve concurrent readers over stores that one other thread writes (each read then sees what that store shows).
 */
public final class RtmQueries implements DestinationLookup {

    private static final int SCAN_CHUNK = 256;

    private final RtmReads state;
    private final DestViews views;
    private final RtmConfig config;

    /** Queries over {@code stores}; {@code costs} names the interfaces of best routes' next hops. */
    public RtmQueries(StoreProvider stores, RtmConfig config, RouteCostModel costs) {
        this.state = new RtmReads(stores);
        this.views = new DestViews(costs);
        this.config = config;
    }

    // ---- entities -------------------------------------------------------------------------------------------

    /** RtmGetRegisteredEntities (R22): every entity of the table, the caller included, in id order. */
    public List<Entity> registeredEntities(TableId t) {
        return state.entities.list(t);
    }

    /** RtmGetEntityInfo (R23); ERROR_INVALID_HANDLE if the entity is not registered. */
    public Entity entity(TableId t, EntityId id) {
        Entity e = state.entities.get(t, id);
        if (e == null) {
            throw RtmException.invalidHandle("entity " + id + " is not registered in " + t);
        }
        return e;
    }

    /** RtmGetEntityMethods (R28): the names of the methods the entity exports, bit {@code 1 << i} for the i-th. */
    public List<String> entityMethods(TableId t, EntityId id) {
        return entity(t, id).methods();
    }

    // ---- destinations ---------------------------------------------------------------------------------------

    /**
     * RtmGetExactMatchDestination / RtmGetDestInfo (R115, R116): ERROR_NOT_FOUND unless the destination exists
     * (R35). The views only choose which per-view entries are returned, they do not filter the search: a
     * destination with only a hold-down route is read with explicit views to see its HoldRoute (R93).
     */
    public DestInfo exactMatch(TableId t, Prefix dest, int viewMask, long protocolId, EntityId caller) {
        checkFamily(t, dest);
        int mask = View.resolveQueryViews(viewMask);
        Destination d = state.destinations.get(t, dest);
        if (d == null || !d.exists()) {
            throw RtmException.notFound("no destination " + dest + " in " + t);
        }
        return views.info(t, d, mask, protocol(protocolId, caller));
    }

    /**
     * RtmGetMostSpecificDestination (R117, R119): the exact match, else the longest covering destination that has
     * a live route in the requested views; ERROR_NOT_FOUND if there is none.
     */
    public DestInfo mostSpecific(TableId t, Prefix dest, int viewMask, long protocolId, EntityId caller) {
        checkFamily(t, dest);
        int mask = View.resolveQueryViews(viewMask);
        Destination d = state.destinations.longestCovering(t, dest, x -> x.visibleIn(mask));
        if (d == null) {
            throw RtmException.notFound("no destination covers " + dest + " in " + t);
        }
        return views.info(t, d, mask, protocol(protocolId, caller));
    }

    @Override
    public Destination longestCovering(TableId t, Prefix prefix, int viewMask) {
        checkFamily(t, prefix);
        int mask = View.resolveQueryViews(viewMask);
        return state.destinations.longestCovering(t, prefix, x -> x.visibleIn(mask));
    }

    /**
     * Each view of {@code viewMask} that has a best route, with that route and the reason it won (contract v2,
     * Selection reason); none for a destination that does not exist.
     */
    public List<ViewInfo> bestRoutes(TableId t, Prefix dest, int viewMask) {
        checkFamily(t, dest);
        Destination d = state.destinations.get(t, dest);
        if (d == null || !d.exists()) {
            return List.of();
        }
        return views.info(t, d, View.resolveQueryViews(viewMask), ProtocolIds.BEST_PROTOCOL).views().stream()
                .filter(v -> v.route() != null).toList();
    }

    /** The stored record of a destination, or null; retired records (R35) are returned too, with no routes. */
    public Destination destination(TableId t, Prefix prefix) {
        return state.destinations.get(t, prefix);
    }

    /**
     * RtmGetLessSpecificDestination (R118, A32): the next shorter covering destination; 0/0 is returned when it
     * exists, and the call made on 0/0 (or with nothing shorter) is ERROR_NOT_FOUND.
     */
    public DestInfo lessSpecific(TableId t, Prefix dest, int viewMask, long protocolId, EntityId caller) {
        checkFamily(t, dest);
        int mask = View.resolveQueryViews(viewMask);
        if (dest.length() == 0) {
            throw RtmException.notFound("nothing is less specific than " + dest);
        }
        Destination d = state.destinations.longestCovering(t, dest.truncate(dest.length() - 1), x -> x.visibleIn(mask));
        if (d == null) {
            throw RtmException.notFound("no destination is less specific than " + dest + " in " + t);
        }
        return views.info(t, d, mask, protocol(protocolId, caller));
    }

    /**
     * RtmCreateDestEnum + RtmGetEnumDests (R122, R125–R128): a batch of at most {@code limit} destinations in
     * address order. With explicit views a destination is included only when it has a live route in one of them;
     * with ANY every existing destination, hold-only ones included, without per-view data (R93, R127).
     */
    public Page<DestInfo, Prefix> enumDests(TableId t, DestEnum e, EntityId caller) {
        checkLimit(e.limit());
        int mask = View.resolveQueryViews(e.views());
        checkPosition(t, e.start(), e.range());
        int ownViews = mask == View.MASK_ANY ? View.SUPPORTED : mask;
        Predicate<Destination> filter = d -> d.visibleIn(mask)
                && (e.ownedBy() == null || ownsBest(d, e.ownedBy(), ownViews));
        Prefix from = e.after() != null ? e.after() : e.start();
        boolean inclusive = e.after() == null;
        List<Destination> found = state.destinations.scan(t, from, inclusive, e.range() ? e.start() : null,
                e.limit() + 1, filter);
        List<DestInfo> out = new ArrayList<>();
        long protocolId = protocol(e.protocolId(), caller);
        for (Destination d : found.subList(0, Math.min(e.limit(), found.size()))) {
            out.add(views.info(t, d, mask, protocolId));
        }
        Prefix next = found.size() > e.limit() ? found.get(e.limit() - 1).prefix() : null;
        return Page.of(out, next);
    }

    private static boolean ownsBest(Destination d, EntityId owner, int viewMask) {
        for (View v : View.of(viewMask)) {
            Route best = d.best(v);
            if (best != null && best.owner().equals(owner)) {
                return true;
            }
        }
        return false;
    }

    // ---- routes ---------------------------------------------------------------------------------------------

    /**
     * RtmGetRouteInfo (R121): any route by id, live or deleted within its retention period (R80). An id never
     * handed out is ERROR_INVALID_HANDLE, a route forgotten after its retention ERROR_NOT_FOUND.
     */
    public RouteInfo route(String router, long routeId) {
        RouteLocation loc = state.routeIndex.get(router, routeId);
        if (loc == null) {
            throw state.counters.missing(router, Counters.ROUTE_ID, routeId, "route");
        }
        if (!loc.isLive()) {
            return new RouteInfo(loc.table(), loc.dest(), loc.deleted(), RouteInfo.State.DELETED);
        }
        Route r = state.destinations.get(loc.table(), loc.dest()).route(routeId);
        return new RouteInfo(loc.table(), loc.dest(), r, RouteInfo.State.CREATED);
    }

    /** RtmIsBestRoute (R71): the mask of views in which the route is best; 0 for a deleted route. */
    public int bestViews(String router, long routeId) {
        RouteInfo info = route(router, routeId);
        if (info.state() != RouteInfo.State.CREATED) {
            return 0;
        }
        return state.destinations.get(info.table(), info.dest()).bestViews(routeId);
    }

    /**
     * RtmGetExactMatchRoute (R120): the first-ranked route of the exactly matching destination that satisfies the
     * criteria and belongs to one of the views (any view for ANY); ERROR_NOT_FOUND otherwise.
     */
    public RouteInfo exactMatchRoute(TableId t, Prefix dest, RouteMatch match, int viewMask) {
        checkFamily(t, dest);
        int mask = View.resolveQueryViews(viewMask);
        Destination d = state.destinations.get(t, dest);
        Route r = d == null ? null
                : RouteOps.firstRanked(d, x -> (mask == View.MASK_ANY || (x.views() & mask) != 0) && match.test(x));
        if (r == null) {
            throw RtmException.notFound("no route to " + dest + " matches");
        }
        return new RouteInfo(t, dest, r, RouteInfo.State.CREATED);
    }

    /**
     * RtmCreateRouteEnum + RtmGetEnumRoutes (R123, R125–R128): a batch of at most {@code limit} routes in
     * destination address order, then ranking order.
     */
    public Page<RouteInfo, RouteEnum.Position> enumRoutes(TableId t, RouteEnum e) {
        checkLimit(e.limit());
        int mask = View.resolveQueryViews(e.views());
        Predicate<Route> wanted = r -> (mask == View.MASK_ANY || (r.views() & mask) != 0)
                && (e.ownedBy() == null || r.owner().equals(e.ownedBy()))
                && e.match().test(r);
        Prefix resumeAt = e.after() == null ? null : e.after().dest();
        List<RouteInfo> out = new ArrayList<>();
        if (e.dest() != null) {
            checkFamily(t, e.dest());
            Destination d = state.destinations.get(t, e.dest());
            RouteEnum.Position next = d == null ? null : collect(t, d, mask, wanted, e, out);
            return Page.of(out, next);
        }
        checkPosition(t, e.start(), e.range());
        Prefix from = resumeAt != null ? resumeAt : e.start();
        boolean inclusive = true;
        while (true) {
            List<Destination> chunk = state.destinations.scan(t, from, inclusive, e.range() ? e.start() : null,
                    SCAN_CHUNK, d -> d.visibleIn(mask));
            for (Destination d : chunk) {
                RouteEnum.Position next = collect(t, d, mask, wanted, e, out);
                if (next != null) {
                    return Page.of(out, next);
                }
            }
            if (chunk.size() < SCAN_CHUNK) {
                return Page.of(out, null);
            }
            from = chunk.get(chunk.size() - 1).prefix();
            inclusive = false;
        }
    }

    /** Adds the destination's wanted routes; returns where to resume if the batch filled up before the end. */
    private static RouteEnum.Position collect(TableId t, Destination d, int mask, Predicate<Route> wanted,
                                              RouteEnum e, List<RouteInfo> out) {
        List<RouteInfo> here = routesOf(t, d, mask, wanted);
        int skip = e.after() != null && e.after().dest().equals(d.prefix()) ? e.after().index() : 0;
        for (int i = skip; i < here.size(); i++) {
            if (out.size() == e.limit()) {
                return new RouteEnum.Position(d.prefix(), i);
            }
            out.add(here.get(i));
        }
        return null;
    }

    private static List<RouteInfo> routesOf(TableId t, Destination d, int mask, Predicate<Route> wanted) {
        List<RouteInfo> out = new ArrayList<>();
        d.routes().stream().filter(wanted).sorted(BestRouteSelector.ranking(d))
                .forEach(r -> out.add(new RouteInfo(t, d.prefix(), r, RouteInfo.State.CREATED)));
        if (mask == View.MASK_ANY) {
            long lastHeld = 0;
            for (View v : View.values()) {
                Route held = d.slot(v).holdRoute();
                if (held != null && held.id() != lastHeld && wanted.test(held)) {
                    out.add(new RouteInfo(t, d.prefix(), held, RouteInfo.State.DELETED));
                    lastHeld = held.id();
                }
            }
        }
        return out;
    }

    // ---- next hops ------------------------------------------------------------------------------------------

    /** A next hop by id; any entity may read any next hop (R48). ERROR_NOT_FOUND once deleted (R47). */
    public NextHop nextHop(String router, long id) {
        NextHop nh = state.nextHops.byId(router, id);
        if (nh == null) {
            throw state.counters.missing(router, Counters.NEXT_HOP_ID, id, "next hop");
        }
        return nh;
    }

    /** RtmFindNextHop (R45): searches the caller's own list only. */
    public NextHop findNextHop(TableId t, EntityId caller, IpAddress address, long interfaceIndex) {
        NextHop nh = state.nextHops.find(t, caller, address, interfaceIndex);
        if (nh == null) {
            throw RtmException.notFound("entity " + caller + " has no next hop " + address + " on " + interfaceIndex);
        }
        return nh;
    }

    /**
     * RtmCreateNextHopEnum + RtmGetEnumNextHops (R124): the caller's next hops in (address, interface index) order;
     * with a start prefix, from it onwards, or only inside it with {@code range}. {@code after} is the cursor of the
     * previous batch: the identity of its last next hop, which need not exist any more (R128).
     */
    public Page<NextHop, NextHopRef> enumNextHops(TableId t, EntityId owner, Prefix start, boolean range,
                                                  NextHopRef after, int limit) {
        checkLimit(limit);
        checkPosition(t, start, range);
        Predicate<NextHop> within = range ? nh -> start.contains(nh.address()) : nh -> true;
        List<NextHop> found = state.nextHops.list(t, owner, start == null ? null : start.address(), after, within,
                limit + 1);
        NextHopRef next = found.size() > limit ? found.get(limit - 1).ref() : null;
        return Page.of(found.subList(0, Math.min(limit, found.size())), next);
    }

    // ---- route lists, opaque --------------------------------------------------------------------------------

    /**
     * RtmCreateRouteListEnum + RtmGetListEnumRoutes (R131): the list's routes by id; always NO_ERROR, the end is a
     * short batch. {@code after} is the last route id returned (0 at the start).
     */
    public List<RouteInfo> routeList(TableId t, EntityId owner, String name, long after, int limit) {
        checkLimit(limit);
        if (!state.routeLists.exists(t, owner, name)) {
            throw RtmException.invalidHandle("entity " + owner + " has no route list '" + name + "'");
        }
        List<RouteInfo> out = new ArrayList<>();
        for (long id : state.routeLists.members(t, owner, name, after, limit)) {
            out.add(route(t.router(), id));
        }
        return out;
    }

    /** RtmGetOpaqueInformationPointer (R135): ERROR_NOT_FOUND if the entity has no slot; null when the slot is empty. */
    public String opaque(TableId t, EntityId owner, Prefix dest) {
        Entity e = entity(t, owner);
        if (!e.opaqueSlot()) {
            throw RtmException.notFound("entity " + owner + " has no opaque slot (R135)");
        }
        Destination d = state.destinations.get(t, dest);
        if (d == null || !d.exists()) {
            throw RtmException.invalidHandle("no destination " + dest);
        }
        return state.opaque.get(t, owner, dest);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private long protocol(long protocolId, EntityId caller) {
        if (protocolId == ProtocolIds.THIS_PROTOCOL) {
            if (caller == null) {
                throw RtmException.invalidParameter("RTM_THIS_PROTOCOL needs a caller");
            }
            return caller.protocolId();
        }
        return protocolId;
    }

    private void checkLimit(int limit) {
        if (limit < 1 || limit > config.maxHandlesInEnum()) {
            throw RtmException.invalidParameter("a batch holds 1 to " + config.maxHandlesInEnum()
                    + " items (MaxHandlesInEnum, R126)");
        }
    }

    /** An enumeration's position (R122–R124): RANGE needs the prefix it ranges over. */
    private static void checkPosition(TableId t, Prefix start, boolean range) {
        if (start != null) {
            checkFamily(t, start);
        } else if (range) {
            throw RtmException.invalidParameter("RTM_ENUM_RANGE needs a prefix to range over (R122)");
        }
    }

    private static void checkFamily(TableId t, Prefix p) {
        NotificationOps.checkFamily(t, p);
    }
}
