package io.rtmstreams.rtm;

import io.rtmstreams.net.Prefix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Adding, updating and deleting routes (R50–R66, R78–R81), hold-down (R87–R96) and expiry (R82–R86). Each command
 * first validates everything (a failure throws {@link RtmException} before any write), then edits the one
 * destination it concerns and hands it to the {@link DestinationWriter}.
 */
final class RouteOps {

    private final RtmState state;
    private final DestinationWriter writer;
    private final NextHopOps nextHops;
    private final RtmConfig config;

    RouteOps(RtmState state, DestinationWriter writer, NextHopOps nextHops, RtmConfig config) {
        this.state = state;
        this.writer = writer;
        this.nextHops = nextHops;
        this.config = config;
    }

    // ---- add / update ---------------------------------------------------------------------------------------

    Outcome add(TableId t, Entity caller, Command.AddRoute c, long now, EffectSink fx) {
        View.checkRouteViews(c.views());
        if (c.timeToLiveMs() == 0) {
            throw RtmException.invalidParameter("timeToLiveMs 0 is not allowed; omit it for INFINITE (A15)");
        }
        if ((c.flags() & ~0xFFFF) != 0) {
            throw RtmException.invalidParameter("route flags are 16 bits");
        }
        List<NextHopSpec> hops = collapse(c.nextHops());
        if (hops.size() > config.maxNextHopsInRoute()) {
            throw RtmException.invalidParameter(hops.size() + " next hops exceed MaxNextHopsInRoute "
                    + config.maxNextHopsInRoute() + " (R59)");
        }
        hops.forEach(h -> NextHopOps.checkFamily(t, h));
        if (c.neighbour() != null) {
            NextHopOps.checkFamily(t, c.neighbour());
        }
        if (c.routeList() != null && !state.routeLists.exists(t, caller.id(), c.routeList())) {
            throw RtmException.invalidHandle("entity " + caller.id() + " has no route list '" + c.routeList() + "'");
        }
        Destination before;
        Route target;
        if (c.routeId() != null) {
            OwnedRoute owned = ownedRoute(t, caller, c.routeId());
            if (!owned.dest().prefix().equals(c.dest())) {
                throw RtmException.invalidParameter("route " + c.routeId() + " is not a route to " + c.dest() + " (A8)");
            }
            before = owned.dest();
            target = owned.route();
        } else if ((c.changeFlags() & RouteChange.NEW) != 0 && (c.changeFlags() & RouteChange.FIRST) != 0) {
            throw RtmException.invalidParameter("change flags NEW and FIRST contradict each other (R55)");
        } else {
            before = state.destinations.get(t, c.dest());
            target = before == null ? null : match(before, caller.id(), c);
        }
        return apply(t, caller, c, hops, before, target, now, fx);
    }

    private Outcome apply(TableId t, Entity caller, Command.AddRoute c, List<NextHopSpec> hops, Destination before,
                          Route target, long now, EffectSink fx) {
        Destination d = before != null ? before : Destination.empty(c.dest());
        List<NextHopRef> refs = new ArrayList<>(hops.size());
        hops.forEach(h -> refs.add(nextHops.resolve(t, caller.id(), h)));
        NextHopRef neighbour = c.neighbour() == null ? null : refs.stream()
                .filter(r -> r.sameIdentity(c.neighbour().address(), c.neighbour().interfaceIndex()))
                .findFirst()
                .orElseGet(() -> nextHops.resolve(t, caller.id(), c.neighbour()));

        long seq = d.nextSeq();
        long id;
        long routeSeq;
        if (target == null) {
            id = state.counters.next(t.router(), Counters.ROUTE_ID);
            routeSeq = seq++;
        } else {
            id = target.id();
            boolean repositioned = target.preference() != c.preference() || target.metric() != c.metric();
            routeSeq = repositioned ? seq++ : target.seq();
        }
        String list = c.routeList() != null ? c.routeList() : target == null ? null : target.routeList();
        long expiresAt = c.timeToLiveMs() == Command.INFINITE ? 0 : now + c.timeToLiveMs();
        RouteCost cost = target == null ? RouteCost.plain(refs.size()) : target.cost();
        Route route = new Route(id, caller.id(), neighbour, c.flags(), c.preference(), c.metric(), c.views(), refs,
                c.entitySpecificInfo(), list, expiresAt, routeSeq, cost, now);

        List<Route> routes = new ArrayList<>(d.routes());
        if (target == null) {
            routes.add(route);
        } else {
            routes.set(routes.indexOf(target), route);
        }
        Destination after = writer.commit(t, before, d.withRoutes(routes).withNextSeq(seq), Cause.ADD_ROUTE, now, fx);

        int flags = target == null ? RouteChange.NEW : 0;
        int views = route.views() | (target == null ? 0 : target.views());
        for (View v : View.of(views)) {
            long was = before == null ? 0 : before.slot(v).bestRouteId();
            long is = after.slot(v).bestRouteId();
            if (is == id || is != was) {
                flags |= RouteChange.BEST; // R57: this route is best, or the change made another route best
            }
        }
        return Outcome.ok(flags, id, 0, Effects.NONE);
    }

    /**
     * The route an add without a handle updates (R51–R54): none with NEW; with FIRST the caller's first-ranked route
     * on the destination; otherwise the first-ranked of the caller's routes with the same neighbour (A6).
     */
    private static Route match(Destination d, EntityId caller, Command.AddRoute c) {
        if ((c.changeFlags() & RouteChange.NEW) != 0) {
            return null;
        }
        boolean first = (c.changeFlags() & RouteChange.FIRST) != 0;
        return firstRanked(d, r -> r.owner().equals(caller) && (first || sameNeighbour(r.neighbour(), c.neighbour())));
    }

    static Route firstRanked(Destination d, Predicate<Route> which) {
        Comparator<Route> ranking = BestRouteSelector.ranking(d);
        Route best = null;
        for (Route r : d.routes()) {
            if (which.test(r) && (best == null || ranking.compare(r, best) < 0)) {
                best = r;
            }
        }
        return best;
    }

    static boolean sameNeighbour(NextHopRef stored, NextHopSpec given) {
        if (stored == null || given == null) {
            return stored == null && given == null;
        }
        return stored.sameIdentity(given.address(), given.interfaceIndex());
    }

    /** Duplicate next hops in one list are collapsed (R59, A9). */
    private static List<NextHopSpec> collapse(List<NextHopSpec> hops) {
        List<NextHopSpec> out = new ArrayList<>(hops.size());
        for (NextHopSpec h : hops) {
            if (out.stream().noneMatch(h::sameIdentity)) {
                out.add(h);
            }
        }
        return out;
    }

    // ---- delete ---------------------------------------------------------------------------------------------

    /** RtmDeleteRouteToDest (R78): BEST in the output flags iff the deleted route was best in some view. */
    Outcome delete(TableId t, Entity caller, Command.DeleteRoute c, long now, EffectSink fx) {
        Route route;
        Destination d;
        if (c.routeId() != null) {
            OwnedRoute owned = ownedRoute(t, caller, c.routeId());
            route = owned.route();
            d = owned.dest();
        } else {
            if (c.dest() == null) {
                throw RtmException.invalidParameter("DELETE_ROUTE needs routeId, or dest and neighbour");
            }
            if (c.neighbour() != null) {
                NextHopOps.checkFamily(t, c.neighbour());
            }
            d = state.destinations.get(t, c.dest());
            route = d == null ? null
                    : firstRanked(d, r -> r.owner().equals(caller.id()) && sameNeighbour(r.neighbour(), c.neighbour()));
            if (route == null) {
                throw RtmException.notFound("entity " + caller.id() + " has no route to " + c.dest()
                        + " from neighbour " + (c.neighbour() == null ? "none" : c.neighbour().address()));
            }
        }
        boolean wasBest = d.bestViews(route.id()) != 0;
        long id = route.id();
        remove(t, d, r -> r.id() == id, Cause.DELETE_ROUTE, now, fx);
        return Outcome.ok(wasBest ? RouteChange.BEST : 0, id, 0, Effects.NONE);
    }

    /**
     * Deletes the routes the predicate picks from one destination with ordinary delete semantics (R78, R81): a view
     * that loses its last route while a hold request is armed keeps the deleted route as its hold-down route, and
     * the hold runs for the largest armed time from now (R89–R91); the request is consumed (R96).
     */
    Destination remove(TableId t, Destination d, Predicate<Route> doomed, Cause cause, long now, EffectSink fx) {
        List<Route> keep = new ArrayList<>(d.routes().size());
        List<Route> gone = new ArrayList<>();
        for (Route r : d.routes()) {
            (doomed.test(r) ? gone : keep).add(r);
        }
        if (gone.isEmpty()) {
            return d;
        }
        Destination edited = d.withRoutes(keep);
        if (d.hold().armed()) {
            boolean holding = false;
            for (View v : View.values()) {
                if (d.numRoutes(v) > 0 && edited.numRoutes(v) == 0) {
                    edited = edited.withSlot(v, edited.slot(v).withHold(lastOf(d, gone, v)));
                    holding = true;
                }
            }
            if (holding) {
                long deadline = Math.max(d.hold().deadline(), now + d.hold().armedMs());
                edited = edited.withHold(new Hold(0, now, d.hold().armedMs(), deadline));
            }
        }
        return writer.commit(t, d, edited, cause, now, fx);
    }

    /** The deleted route a view holds (R90): its best route if that went, else the first-ranked deleted one. */
    private static Route lastOf(Destination d, List<Route> gone, View v) {
        Route best = d.best(v);
        if (best != null && gone.contains(best)) {
            return best;
        }
        Comparator<Route> ranking = BestRouteSelector.ranking(d);
        Route first = null;
        for (Route r : gone) {
            if (r.inView(v) && (first == null || ranking.compare(r, first) < 0)) {
                first = r;
            }
        }
        return first;
    }

    // ---- hold-down ------------------------------------------------------------------------------------------

    /**
     * RtmHoldDestination (R88): arms a hold request with the largest time asked for (R91); while a hold-down runs,
     * a larger time extends it, counted from the deletion that started it (R96).
     */
    Outcome hold(TableId t, Command.HoldDestination c, long now, EffectSink fx) {
        View.checkRouteViews(c.views());
        if (c.holdTimeMs() == 0) {
            throw RtmException.invalidParameter("holdTimeMs must not be 0 (R88)");
        }
        Destination d = state.destinations.get(t, c.dest());
        if (d == null || !d.exists()) {
            throw RtmException.invalidHandle("no destination " + c.dest() + " (R88)");
        }
        Hold h = d.hold();
        Hold next;
        if (h.running()) {
            long running = Math.max(h.runningMs(), c.holdTimeMs());
            next = new Hold(h.armedMs(), h.startedAt(), running, h.startedAt() + running);
        } else {
            next = new Hold(Math.max(h.armedMs(), c.holdTimeMs()), 0, 0, 0);
        }
        if (!next.equals(h)) {
            writer.commit(t, d, d.withHold(next), Cause.ADD_ROUTE, now, fx);
        }
        return Outcome.ok(Effects.NONE);
    }

    /** A hold-down ended (R95): the hold routes are forgotten, an ALL change in their views. */
    void holdExpired(TimerRef timer, long now, EffectSink fx) {
        Destination d = state.destinations.get(timer.table(), timer.dest());
        if (d == null || d.hold().deadline() != timer.deadline()) {
            return;
        }
        Destination edited = d.withHold(new Hold(d.hold().armedMs(), 0, 0, 0));
        for (View v : View.values()) {
            edited = edited.withSlot(v, edited.slot(v).withHold(null));
        }
        writer.commit(timer.table(), d, edited, Cause.HOLD_EXPIRED, now, fx);
    }

    // ---- expiry ---------------------------------------------------------------------------------------------

    /**
     * A route's TTL ran out (R84, D7): its owner always gets ROUTE_EXPIRED; with policy DELETE the route is deleted
     * like any other, with NOTIFY it stays, untimed, until its next add or update (R86).
     */
    void expire(TimerRef timer, long now, EffectSink fx) {
        TableId t = timer.table();
        Destination d = state.destinations.get(t, timer.dest());
        Route route = d == null ? null : d.route(timer.routeId());
        if (route == null || route.expiresAt() != timer.deadline()) {
            return;
        }
        fx.event(new EntityEvent.RouteExpired(t, route.owner(), d.prefix(), route));
        Entity owner = state.entities.get(t, route.owner());
        if (owner == null || owner.expiryPolicy() == ExpiryPolicy.DELETE) {
            remove(t, d, r -> r.id() == route.id(), Cause.EXPIRED, now, fx);
        } else {
            List<Route> routes = new ArrayList<>(d.routes());
            routes.set(routes.indexOf(route), route.withExpiresAt(0));
            writer.commit(t, d, d.withRoutes(routes), Cause.EXPIRED, now, fx);
        }
    }

    // ---- handles --------------------------------------------------------------------------------------------

    /** Where a route id leads; INVALID_HANDLE for ids never handed out, NOT_FOUND for deleted routes (R56, R80). */
    RouteLocation locate(TableId t, long routeId) {
        RouteLocation loc = state.routeIndex.get(t.router(), routeId);
        if (loc == null) {
            throw state.counters.missing(t.router(), Counters.ROUTE_ID, routeId, "route");
        }
        if (!loc.isLive()) {
            throw RtmException.notFound("route " + routeId + " has been deleted");
        }
        if (!loc.table().equals(t)) {
            throw RtmException.invalidParameter("route " + routeId + " belongs to table " + loc.table());
        }
        return loc;
    }

    /** A live route of the caller's; ERROR_ACCESS_DENIED for another entity's route (R56, R65, R78). */
    Route ownRoute(TableId t, Entity caller, long routeId) {
        return ownedRoute(t, caller, routeId).route();
    }

    /** A route and the stored destination it was read from, so that the caller need not read it again. */
    record OwnedRoute(Destination dest, Route route) {
    }

    private OwnedRoute ownedRoute(TableId t, Entity caller, long routeId) {
        RouteLocation loc = locate(t, routeId);
        Destination d = state.destinations.get(t, loc.dest());
        Route r = Objects.requireNonNull(d.route(routeId), "route index");
        if (!r.owner().equals(caller.id())) {
            throw RtmException.accessDenied("route " + routeId + " belongs to entity " + r.owner());
        }
        return new OwnedRoute(d, r);
    }

    Prefix destOf(TableId t, long routeId) {
        return locate(t, routeId).dest();
    }
}
