package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.ChangeType;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteFlags;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A brute-force model of one routing table, written from the rules and sharing no code with the engine: routes
 * matched by (destination, owner, neighbour) with NEW, FIRST and handles (R51–R56, A6, A8), output flags (R57,
 * R78), best route per view by (preference, metric) unsigned with D4's tie-break (R67–R72: the incumbent keeps its
 * place on equal cost, else the route that has held its cost longest; "held since" restarts when preference or
 * metric changes), next hops by identity with A4's deletion (R41, R47), and the change types of a diff (R101–R104).
 *
 * <p>Preferences and metrics are unsigned 32-bit values held in longs, so ordinary long comparison is the unsigned
 * order of R68.
 */
final class RouteModel {

    /**
     * A route's reference to a next hop: its identity (R41) and which incarnation of it (A4: adding it again after
     * a delete creates a new next hop).
     */
    record Hop(IpAddress address, long ifIndex, long incarnation) {

        boolean sameIdentity(NextHopSpec s) {
            return s != null && s.interfaceIndex() == ifIndex && s.address().equals(address);
        }

        @Override
        public String toString() {
            return address + "%" + ifIndex + "#" + incarnation;
        }
    }

    static final class MRoute {
        final long id;
        final EntityId owner;
        Hop neighbour;
        int flags;
        long preference;
        long metric;
        int views;
        List<Hop> hops;
        String info;
        long heldSince;

        MRoute(long id, EntityId owner) {
            this.id = id;
            this.owner = owner;
        }

        MRoute copy() {
            MRoute r = new MRoute(id, owner);
            r.neighbour = neighbour;
            r.flags = flags;
            r.preference = preference;
            r.metric = metric;
            r.views = views;
            r.hops = hops;
            r.info = info;
            r.heldSince = heldSince;
            return r;
        }

        boolean inView(View v) {
            return (views & v.mask()) != 0;
        }

        /** Everything a consumer sees of a route, except its views (judged per view, R104) and its TTL (A21). */
        boolean sameContent(MRoute o) {
            return flags == o.flags && preference == o.preference && metric == o.metric
                    && Objects.equals(neighbour, o.neighbour) && hops.equals(o.hops) && Objects.equals(info, o.info);
        }

        @Override
        public String toString() {
            return "#" + id + "(" + owner + " " + preference + "/" + metric + " v" + views + " f0x"
                    + Integer.toHexString(flags) + " nb=" + neighbour + " hops=" + hops + " held=" + heldSince + ")";
        }
    }

    static final class MDest {
        final Prefix prefix;
        final List<MRoute> routes = new ArrayList<>();
        final long[] best = new long[View.values().length];
        final long[] version = new long[View.values().length];

        MDest(Prefix prefix) {
            this.prefix = prefix;
        }

        MDest copy() {
            MDest d = new MDest(prefix);
            routes.forEach(r -> d.routes.add(r.copy()));
            System.arraycopy(best, 0, d.best, 0, best.length);
            System.arraycopy(version, 0, d.version, 0, version.length);
            return d;
        }

        MRoute route(long id) {
            for (MRoute r : routes) {
                if (r.id == id) {
                    return r;
                }
            }
            return null;
        }

        int numRoutes(View v) {
            return (int) routes.stream().filter(r -> r.inView(v)).count();
        }

        int belongsToViews() {
            int m = 0;
            for (MRoute r : routes) {
                m |= r.views;
            }
            return m;
        }

        int bestViews(long id) {
            int m = 0;
            for (View v : View.values()) {
                if (best[v.id()] == id) {
                    m |= v.mask();
                }
            }
            return m;
        }

        @Override
        public String toString() {
            return prefix + " best=[" + best[0] + "," + best[1] + "] " + routes;
        }
    }

    /** What the model expects of one command: status, output flags, route id, and the one destination it touched. */
    record Expect(Status status, int changeFlags, long routeId, MDest before, MDest after) {

        static Expect error(Status s) {
            return new Expect(s, 0, 0, null, null);
        }

        static Expect okNoDest() {
            return new Expect(Status.NO_ERROR, 0, 0, null, null);
        }
    }

    private record NhKey(EntityId owner, IpAddress address, long ifIndex) {
    }

    final Map<Prefix, MDest> dests = new TreeMap<>();
    final Set<EntityId> registered = new HashSet<>();
    private final Map<Long, Prefix> live = new HashMap<>();
    private final Set<Long> deleted = new HashSet<>();
    private final Map<NhKey, Long> nextHops = new HashMap<>();
    private long lastRouteId;
    private long clock;
    private long incarnations;

    long lastRouteId() {
        return lastRouteId;
    }

    Set<Long> liveIds() {
        return live.keySet();
    }

    Set<Long> deletedIds() {
        return deleted;
    }

    MRoute liveRoute(long id) {
        Prefix p = live.get(id);
        return p == null ? null : dests.get(p).route(id);
    }

    Prefix destOf(long id) {
        return live.get(id);
    }

    boolean hasNextHop(EntityId owner, NextHopSpec s) {
        return nextHops.containsKey(new NhKey(owner, s.address(), s.interfaceIndex()));
    }

    // ---- commands -------------------------------------------------------------------------------------------

    Expect add(Command.AddRoute c) {
        if (!registered.contains(c.entity())) {
            return Expect.error(Status.ERROR_INVALID_HANDLE); // D5
        }
        if (c.views() == 0 || c.timeToLiveMs() == 0 || (c.flags() & ~0xFFFF) != 0) {
            return Expect.error(Status.ERROR_INVALID_PARAMETER); // R76, A15, R8
        }
        if ((c.views() & ~View.SUPPORTED) != 0) {
            return Expect.error(Status.ERROR_NOT_SUPPORTED); // R76
        }
        MDest d = dests.get(c.dest());
        MRoute target;
        if (c.routeId() != null) {
            Status s = checkOwnRoute(c.entity(), c.routeId());
            if (s != null) {
                return Expect.error(s);
            }
            if (!live.get(c.routeId()).equals(c.dest())) {
                return Expect.error(Status.ERROR_INVALID_PARAMETER); // A8
            }
            target = d.route(c.routeId()); // NEW and FIRST are ignored with a handle (A8)
        } else {
            boolean isNew = (c.changeFlags() & RouteChange.NEW) != 0;
            boolean first = (c.changeFlags() & RouteChange.FIRST) != 0;
            if (isNew && first) {
                return Expect.error(Status.ERROR_INVALID_PARAMETER); // R55, A7
            }
            if (isNew || d == null) {
                target = null; // R53
            } else if (first) {
                target = firstRanked(d, r -> r.owner.equals(c.entity())); // R54
            } else {
                target = firstRanked(d, r -> r.owner.equals(c.entity()) && sameNeighbour(r, c.neighbour())); // R52, A6
            }
        }
        MDest before = d == null ? null : d.copy();
        if (d == null) {
            d = new MDest(c.dest());
            dests.put(c.dest(), d);
        }
        List<Hop> hops = new ArrayList<>();
        for (NextHopSpec s : c.nextHops()) {
            if (hops.stream().noneMatch(h -> h.sameIdentity(s))) {
                hops.add(resolve(c.entity(), s)); // duplicates collapse (R59, A9)
            }
        }
        Hop neighbour = c.neighbour() == null ? null : resolve(c.entity(), c.neighbour());
        MRoute r;
        if (target == null) {
            r = new MRoute(++lastRouteId, c.entity()); // D22
            r.heldSince = ++clock;
            d.routes.add(r);
            live.put(r.id, c.dest());
        } else {
            r = target;
            if (r.preference != c.preference() || r.metric != c.metric()) {
                r.heldSince = ++clock; // D4: a new cost is held from now
            }
        }
        int oldViews = target == null ? 0 : target.views;
        r.neighbour = neighbour;
        r.flags = c.flags();
        r.preference = c.preference();
        r.metric = c.metric();
        r.views = c.views();
        r.hops = List.copyOf(hops);
        r.info = c.entitySpecificInfo();
        selectBest(d);
        int flags = target == null ? RouteChange.NEW : 0;
        for (View v : View.values()) {
            if (((oldViews | r.views) & v.mask()) == 0) {
                continue;
            }
            long was = before == null ? 0 : before.best[v.id()];
            long is = d.best[v.id()];
            if (is == r.id || is != was) {
                flags |= RouteChange.BEST; // R57
            }
        }
        return new Expect(Status.NO_ERROR, flags, r.id, before, d);
    }

    Expect deleteById(EntityId caller, long routeId) {
        if (!registered.contains(caller)) {
            return Expect.error(Status.ERROR_INVALID_HANDLE);
        }
        Status s = checkOwnRoute(caller, routeId);
        if (s != null) {
            return Expect.error(s);
        }
        MDest d = dests.get(live.get(routeId));
        return remove(d, d.route(routeId));
    }

    Expect deleteByNeighbour(EntityId caller, Prefix dest, NextHopSpec neighbour) {
        if (!registered.contains(caller)) {
            return Expect.error(Status.ERROR_INVALID_HANDLE);
        }
        MDest d = dests.get(dest);
        MRoute r = d == null ? null : firstRanked(d, x -> x.owner.equals(caller) && sameNeighbour(x, neighbour));
        if (r == null) {
            return Expect.error(Status.ERROR_NOT_FOUND);
        }
        return remove(d, r);
    }

    /** RtmDeleteNextHop by value (R46, R47, A4): routes keep their reference, nothing is notified. */
    Expect deleteNextHop(EntityId caller, NextHopSpec s) {
        if (!registered.contains(caller)) {
            return Expect.error(Status.ERROR_INVALID_HANDLE);
        }
        if (nextHops.remove(new NhKey(caller, s.address(), s.interfaceIndex())) == null) {
            return Expect.error(Status.ERROR_NOT_FOUND);
        }
        return Expect.okNoDest();
    }

    private Expect remove(MDest d, MRoute r) {
        MDest before = d.copy();
        boolean wasBest = d.bestViews(r.id) != 0;
        d.routes.remove(r);
        live.remove(r.id);
        deleted.add(r.id);
        selectBest(d);
        return new Expect(Status.NO_ERROR, wasBest ? RouteChange.BEST : 0, r.id, before, d); // R78
    }

    private Status checkOwnRoute(EntityId caller, long routeId) {
        if (deleted.contains(routeId)) {
            return Status.ERROR_NOT_FOUND; // R80
        }
        if (!live.containsKey(routeId)) {
            return Status.ERROR_INVALID_HANDLE; // never handed out
        }
        if (!liveRoute(routeId).owner.equals(caller)) {
            return Status.ERROR_ACCESS_DENIED; // R56, R78
        }
        return null;
    }

    private Hop resolve(EntityId owner, NextHopSpec s) {
        NhKey k = new NhKey(owner, s.address(), s.interfaceIndex());
        Long inc = nextHops.get(k);
        if (inc == null) {
            inc = ++incarnations;
            nextHops.put(k, inc);
        }
        return new Hop(s.address(), s.interfaceIndex(), inc);
    }

    private static boolean sameNeighbour(MRoute r, NextHopSpec given) {
        return r.neighbour == null ? given == null : r.neighbour.sameIdentity(given);
    }

    /**
     * The route ranking first (R72): lowest (preference, metric); on equal cost a route best in some view keeps its
     * place; then the one that has held its cost longest.
     */
    static MRoute firstRanked(MDest d, Predicate<MRoute> which) {
        MRoute best = null;
        for (MRoute r : d.routes) {
            if (which.test(r) && (best == null || rank(d, r, best) < 0)) {
                best = r;
            }
        }
        return best;
    }

    /** The order of a destination's routes (R72, R125), as {@link #firstRanked} applies it. */
    static java.util.Comparator<MRoute> ranking(MDest d) {
        return (a, b) -> rank(d, a, b);
    }

    private static int rank(MDest d, MRoute a, MRoute b) {
        if (a.preference != b.preference) {
            return Long.compare(a.preference, b.preference);
        }
        if (a.metric != b.metric) {
            return Long.compare(a.metric, b.metric);
        }
        boolean aBest = isBestSomewhere(d, a);
        if (aBest != isBestSomewhere(d, b)) {
            return aBest ? -1 : 1;
        }
        return Long.compare(a.heldSince, b.heldSince);
    }

    private static boolean isBestSomewhere(MDest d, MRoute r) {
        for (long id : d.best) {
            if (id == r.id) {
                return true;
            }
        }
        return false;
    }

    /** R67–R72 and D4, per view (R70). */
    private static void selectBest(MDest d) {
        for (View v : View.values()) {
            long incumbent = d.best[v.id()];
            List<MRoute> cheapest = new ArrayList<>();
            for (MRoute r : d.routes) {
                if (!r.inView(v)) {
                    continue;
                }
                if (cheapest.isEmpty() || cost(r, cheapest.get(0)) < 0) {
                    cheapest.clear();
                    cheapest.add(r);
                } else if (cost(r, cheapest.get(0)) == 0) {
                    cheapest.add(r);
                }
            }
            long winner = 0;
            if (cheapest.stream().anyMatch(r -> r.id == incumbent)) {
                winner = incumbent;
            } else {
                long held = Long.MAX_VALUE;
                for (MRoute r : cheapest) {
                    if (r.heldSince < held) {
                        held = r.heldSince;
                        winner = r.id;
                    }
                }
            }
            d.best[v.id()] = winner;
        }
    }

    private static int cost(MRoute a, MRoute b) {
        return a.preference != b.preference ? Long.compare(a.preference, b.preference)
                : Long.compare(a.metric, b.metric);
    }

    // ---- change types ---------------------------------------------------------------------------------------

    /**
     * The change types of a destination diff in one view (R101–R104): ALL when a route joined, left or changed in
     * the view; BEST when the best route is another (or none), or the same with another preference, metric,
     * next hops or flags (A22); FORWARDING for those except a change of non-forwarding flags only (R103, A23).
     */
    static int changeTypes(MDest before, MDest after, View v) {
        int types = 0;
        Map<Long, MRoute> old = new HashMap<>();
        if (before != null) {
            before.routes.stream().filter(r -> r.inView(v)).forEach(r -> old.put(r.id, r));
        }
        for (MRoute r : after.routes) {
            if (!r.inView(v)) {
                continue;
            }
            MRoute o = old.remove(r.id);
            if (o == null || !o.sameContent(r)) {
                types |= ChangeType.ALL.bit();
            }
        }
        if (!old.isEmpty()) {
            types |= ChangeType.ALL.bit();
        }
        long wasId = before == null ? 0 : before.best[v.id()];
        long isId = after.best[v.id()];
        if (wasId != isId) {
            return types | ChangeType.BEST.bit() | ChangeType.FORWARDING.bit();
        }
        if (isId == 0) {
            return types;
        }
        MRoute was = before.route(wasId);
        MRoute is = after.route(isId);
        if (was.preference != is.preference || was.metric != is.metric || !was.hops.equals(is.hops)
                || ((was.flags ^ is.flags) & RouteFlags.FORWARDING_MASK) != 0) {
            return types | ChangeType.BEST.bit() | ChangeType.FORWARDING.bit();
        }
        if (was.flags != is.flags) {
            return types | ChangeType.BEST.bit();
        }
        return types;
    }
}
