package io.rtmstreams.rtm.property;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RouteFlags;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random route commands on a handful of IPv4 prefixes, each paired with what {@link RouteModel} expects of it.
 * The values are drawn from small sets so that equal costs, shared neighbours and duplicate triples are common,
 * and include the extremes 0 and 0xFFFFFFFF (R68). Ids are picked from the model, so most commands that name a
 * route name a live one; the rest name another entity's, a deleted or a never-issued route on purpose.
 */
final class RouteOpGenerator {

    static final String ROUTER = "r1";
    static final TableId V4 = TableId.of(ROUTER, 0, IpFamily.IPV4);
    static final TableId V6 = TableId.of(ROUTER, 0, IpFamily.IPV6);
    static final int U = View.UNICAST.mask();
    static final int M = View.MULTICAST.mask();

    static final List<EntityId> ENTITIES = List.of(EntityId.of(8, 1), EntityId.of(8, 2), EntityId.of(13, 1),
            EntityId.of(10006, 1));
    /** Never registered (D5). */
    static final EntityId STRANGER = EntityId.of(14, 1);
    /** Four IPv4 destinations (nested, with the default route) and two IPv6 ones: route ids span both tables. */
    static final List<Prefix> PREFIXES = List.of(Prefix.parse("0.0.0.0/0"), Prefix.parse("10.0.0.0/8"),
            Prefix.parse("10.1.0.0/16"), Prefix.parse("192.0.2.0/24"), Prefix.parse("::/0"),
            Prefix.parse("2001:db8::/32"));

    private static final NextHopSpec[] NEIGHBOURS_V4 = {null, NextHopSpec.of("192.0.2.1", 1),
            NextHopSpec.of("192.0.2.2", 1), NextHopSpec.of("192.0.2.1", 2)};
    private static final NextHopSpec[] HOPS_V4 = {NextHopSpec.of("192.0.2.1", 1), NextHopSpec.of("192.0.2.2", 1),
            NextHopSpec.of("198.51.100.1", 2), NextHopSpec.of("198.51.100.2", 0)};
    private static final NextHopSpec[] NEIGHBOURS_V6 = {null, NextHopSpec.of("fe80::1", 1),
            NextHopSpec.of("fe80::2", 1), NextHopSpec.of("fe80::1", 2)};
    private static final NextHopSpec[] HOPS_V6 = {NextHopSpec.of("fe80::1", 1), NextHopSpec.of("2001:db8::2", 1),
            NextHopSpec.of("fe80::3", 2), NextHopSpec.of("::ffff:198.51.100.2", 0)};
    private static final long[] PREFERENCES = {0, 1, 1, 5, 120, 0x8000_0000L, 0xFFFF_FFFFL};
    private static final long[] METRICS = {0, 0, 1, 2, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
    private static final int[] VIEWS = {U, U, M, U | M, U | M};
    private static final int[] FLAGS = {0, 0, 0, RouteFlags.LOCAL, RouteFlags.REMOTE, RouteFlags.DISCARD,
            RouteFlags.DISCARD | RouteFlags.LOCAL, RouteFlags.BLACKHOLE};
    private static final String[] INFOS = {null, null, "a", "b"};

    /** One command, how to describe it in the replay log, and the model's expectation (computed when asked). */
    record Op(String text, Command command, Supplier<RouteModel.Expect> expect) {
    }

    private final SplittableRandom rnd;
    final RouteModel model = new RouteModel();

    RouteOpGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return rnd;
    }

    /** The registrations every run starts with. */
    List<Command> setUp() {
        List<Command> out = new ArrayList<>();
        for (EntityId e : ENTITIES) {
            for (IpFamily f : IpFamily.values()) {
                out.add(new Command.RegisterEntity(ROUTER, 0, e, f, null, List.of()));
            }
            model.registered.add(e);
        }
        return out;
    }

    Op next() {
        int k = rnd.nextInt(100);
        if (k < 28) {
            return add(0);
        } else if (k < 36) {
            return add(RouteChange.NEW);
        } else if (k < 44) {
            return add(RouteChange.FIRST);
        } else if (k < 46) {
            return add(RouteChange.NEW | RouteChange.FIRST);
        } else if (k < 61) {
            return updateById();
        } else if (k < 66) {
            return refresh();
        } else if (k < 78) {
            return deleteById();
        } else if (k < 88) {
            return deleteByNeighbour();
        } else if (k < 91) {
            return deleteNextHop();
        } else if (k < 96) {
            return invalidAdd();
        } else if (k < 97) {
            return strangerAdd();
        }
        return add(0);
    }

    // ---- adds -----------------------------------------------------------------------------------------------

    private Op add(int changeFlags) {
        return addOp("ADD" + flagText(changeFlags), randomRoute(pick(ENTITIES), pick(PREFIXES), changeFlags, null));
    }

    private Op updateById() {
        List<Long> live = new ArrayList<>(model.liveIds());
        if (live.isEmpty()) {
            return add(0);
        }
        long id = live.get(rnd.nextInt(live.size()));
        RouteModel.MRoute r = model.liveRoute(id);
        Prefix dest = model.destOf(id);
        EntityId caller = r.owner;
        String what = "UPDATE";
        int k = rnd.nextInt(100);
        if (k < 10) {
            caller = other(r.owner);
            what = "UPDATE-OTHERS";
        } else if (k < 18 && !model.deletedIds().isEmpty()) {
            id = pick(new ArrayList<>(model.deletedIds()));
            dest = pick(PREFIXES);
            what = "UPDATE-DELETED";
        } else if (k < 24) {
            id = model.lastRouteId() + 1 + rnd.nextInt(3);
            what = "UPDATE-UNKNOWN";
        } else if (k < 30) {
            dest = otherPrefix(dest);
            what = "UPDATE-WRONG-DEST";
        }
        int changeFlags = rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0; // ignored with a handle (A8)
        return addOp(what + flagText(changeFlags), randomRoute(caller, dest, changeFlags, id));
    }

    /** The same route again by id with only another TTL: no change at all (A21). */
    private Op refresh() {
        List<Long> live = new ArrayList<>(model.liveIds());
        if (live.isEmpty()) {
            return add(0);
        }
        long id = live.get(rnd.nextInt(live.size()));
        RouteModel.MRoute r = model.liveRoute(id);
        List<NextHopSpec> hops = new ArrayList<>();
        r.hops.forEach(h -> hops.add(new NextHopSpec(h.address(), h.ifIndex(), 0, null)));
        NextHopSpec nb = r.neighbour == null ? null
                : new NextHopSpec(r.neighbour.address(), r.neighbour.ifIndex(), 0, null);
        Command.AddRoute c = new Command.AddRoute(ROUTER, 0, r.owner, null, model.destOf(id), hops, nb,
                r.preference, r.metric, r.views, r.flags, 1_000_000_000L + rnd.nextInt(1000), 0, id, null, r.info);
        return addOp("REFRESH", c);
    }

    private Op invalidAdd() {
        Command.AddRoute c = randomRoute(pick(ENTITIES), pick(PREFIXES), 0, null);
        int k = rnd.nextInt(4);
        int views = k == 0 ? 0 : k == 1 ? 0x4 | U : c.views();
        long ttl = k == 2 ? 0 : c.timeToLiveMs();
        int flags = k == 3 ? 0x1_0000 | c.flags() : c.flags();
        Command.AddRoute bad = new Command.AddRoute(ROUTER, 0, c.entity(), null, c.dest(), c.nextHops(),
                c.neighbour(), c.preference(), c.metric(), views, flags, ttl, c.changeFlags(), null, null,
                c.entitySpecificInfo());
        return addOp("ADD-INVALID", bad);
    }

    private Op strangerAdd() {
        return addOp("ADD-UNREGISTERED", randomRoute(STRANGER, pick(PREFIXES), 0, null));
    }

    private Command.AddRoute randomRoute(EntityId owner, Prefix dest, int changeFlags, Long routeId) {
        boolean v4 = dest.family() == IpFamily.IPV4;
        NextHopSpec[] pool = v4 ? HOPS_V4 : HOPS_V6;
        NextHopSpec[] neighbours = v4 ? NEIGHBOURS_V4 : NEIGHBOURS_V6;
        List<NextHopSpec> hops = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            hops.add(pool[rnd.nextInt(pool.length)]);
        }
        long ttl = rnd.nextInt(5) == 0 ? 1_000_000_000L + rnd.nextInt(1000) : Command.INFINITE;
        return new Command.AddRoute(ROUTER, 0, owner, null, dest, hops, neighbours[rnd.nextInt(neighbours.length)],
                PREFERENCES[rnd.nextInt(PREFERENCES.length)], METRICS[rnd.nextInt(METRICS.length)],
                VIEWS[rnd.nextInt(VIEWS.length)], FLAGS[rnd.nextInt(FLAGS.length)], ttl, changeFlags, routeId, null,
                INFOS[rnd.nextInt(INFOS.length)]);
    }

    private Op addOp(String what, Command.AddRoute c) {
        String text = what + " " + c.entity() + " " + c.dest() + (c.routeId() == null ? "" : " id=" + c.routeId())
                + " nb=" + hopText(c.neighbour()) + " " + c.preference() + "/" + c.metric() + " views=" + c.views()
                + " flags=0x" + Integer.toHexString(c.flags()) + " hops=" + hopsText(c.nextHops())
                + " info=" + c.entitySpecificInfo() + " ttl=" + c.timeToLiveMs();
        return new Op(text, c, () -> model.add(c));
    }

    // ---- deletes --------------------------------------------------------------------------------------------

    private Op deleteById() {
        List<Long> live = new ArrayList<>(model.liveIds());
        int k = rnd.nextInt(100);
        long id;
        EntityId caller;
        String what = "DELETE";
        if (k < 10 && !model.deletedIds().isEmpty()) {
            id = pick(new ArrayList<>(model.deletedIds()));
            caller = pick(ENTITIES);
            what = "DELETE-DELETED";
        } else if (k < 15 || live.isEmpty()) {
            id = rnd.nextInt(3) == 0 ? 0 : model.lastRouteId() + 1 + rnd.nextInt(3);
            caller = pick(ENTITIES);
            what = "DELETE-UNKNOWN";
        } else {
            id = live.get(rnd.nextInt(live.size()));
            caller = model.liveRoute(id).owner;
            if (k < 25) {
                caller = other(caller);
                what = "DELETE-OTHERS";
            }
        }
        // DELETE_ROUTE by id names no family (contract.md): the route implies it. Sometimes it is named anyway.
        Prefix at = model.destOf(id);
        IpFamily family = rnd.nextBoolean() ? null
                : at != null ? at.family() : rnd.nextBoolean() ? IpFamily.IPV4 : IpFamily.IPV6;
        Command.DeleteRoute c = new Command.DeleteRoute(ROUTER, 0, caller, family, id, null, null);
        EntityId by = caller;
        long routeId = id;
        return new Op(what + " " + caller + " id=" + id + (family == null ? "" : " " + family), c,
                () -> model.deleteById(by, routeId));
    }

    private Op deleteByNeighbour() {
        List<Long> live = new ArrayList<>(model.liveIds());
        EntityId caller;
        Prefix dest;
        NextHopSpec nb;
        if (!live.isEmpty() && rnd.nextInt(10) < 7) {
            RouteModel.MRoute r = model.liveRoute(live.get(rnd.nextInt(live.size())));
            caller = r.owner;
            dest = model.destOf(r.id);
            nb = r.neighbour == null ? null : new NextHopSpec(r.neighbour.address(), r.neighbour.ifIndex(), 0, null);
        } else {
            caller = pick(ENTITIES);
            dest = pick(PREFIXES);
            NextHopSpec[] neighbours = dest.family() == IpFamily.IPV4 ? NEIGHBOURS_V4 : NEIGHBOURS_V6;
            nb = neighbours[rnd.nextInt(neighbours.length)];
        }
        Command.DeleteRoute c = new Command.DeleteRoute(ROUTER, 0, caller, null, null, dest, nb);
        return new Op("DELETE-BY-NEIGHBOUR " + caller + " " + dest + " nb=" + hopText(nb), c,
                () -> model.deleteByNeighbour(c.entity(), dest, nb));
    }

    private Op deleteNextHop() {
        EntityId caller = pick(ENTITIES);
        boolean v4 = rnd.nextBoolean();
        NextHopSpec s = rnd.nextBoolean() ? (v4 ? HOPS_V4 : HOPS_V6)[rnd.nextInt(4)]
                : (v4 ? NEIGHBOURS_V4 : NEIGHBOURS_V6)[1 + rnd.nextInt(3)];
        Command.DeleteNextHop c = new Command.DeleteNextHop(ROUTER, 0, caller, null, s, null);
        return new Op("DELETE-NEXTHOP " + caller + " " + hopText(s), c, () -> model.deleteNextHop(caller, s));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private EntityId other(EntityId e) {
        EntityId o;
        do {
            o = pick(ENTITIES);
        } while (o.equals(e));
        return o;
    }

    private Prefix otherPrefix(Prefix p) {
        Prefix o;
        do {
            o = pick(PREFIXES);
        } while (o.equals(p));
        return o;
    }

    private static String flagText(int changeFlags) {
        return changeFlags == 0 ? "" : RouteChange.names(changeFlags).toString();
    }

    static String hopText(NextHopSpec s) {
        return s == null ? "-" : s.address() + "%" + s.interfaceIndex();
    }

    private static String hopsText(List<NextHopSpec> hops) {
        List<String> out = new ArrayList<>();
        hops.forEach(h -> out.add(hopText(h)));
        return out.toString();
    }
}
