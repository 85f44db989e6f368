package io.rtmstreams.rtm;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.state.InMemoryStores;

import java.util.ArrayList;
import java.util.List;

/**
 * An RTM engine on in-memory stores with a clock the test advances, and short ways to issue commands. Router
 * {@code r1}, RTM instance 0 unless a command says otherwise.
 */
final class RtmFixture {

    static final String ROUTER = "r1";
    static final EntityId RIP = EntityId.of(8, 1);
    static final EntityId OSPF = EntityId.of(13, 1);
    static final EntityId BGP = EntityId.of(14, 1);
    static final EntityId STATIC = EntityId.of(10006, 1);
    static final int U = View.UNICAST.mask();
    static final int M = View.MULTICAST.mask();

    final InMemoryStores stores = new InMemoryStores();
    final RtmEngine engine;
    long now = 1_000_000L;

    RtmFixture() {
        this(RtmConfig.DEFAULTS);
    }

    RtmFixture(RtmConfig config) {
        this(config, RouteCostModel.PLAIN);
    }

    RtmFixture(RtmConfig config, RouteCostModel costModel) {
        engine = new RtmEngine(stores, config, costModel);
    }

    /** A unicast route of RIP's with no next hops and a plain cost: selection tests on bare routes. */
    static Route bareRoute(long id, long preference, long metric, long seq) {
        return new Route(id, RIP, null, 0, preference, metric, U, List.of(), null, null, 0, seq, RouteCost.plain(0), 0);
    }

    static TableId table(IpFamily family) {
        return TableId.of(ROUTER, 0, family);
    }

    static final TableId V4 = table(IpFamily.IPV4);
    static final TableId V6 = table(IpFamily.IPV6);

    Outcome run(Command c) {
        return engine.execute(c, now);
    }

    Outcome register(EntityId e) {
        return register(e, ExpiryPolicy.DELETE, IpFamily.IPV4);
    }

    Outcome register(EntityId e, ExpiryPolicy policy, IpFamily family) {
        return run(new Command.RegisterEntity(ROUTER, 0, e, family, policy, List.of()));
    }

    Outcome register(EntityId e, List<String> methods) {
        return run(new Command.RegisterEntity(ROUTER, 0, e, IpFamily.IPV4, ExpiryPolicy.DELETE, methods));
    }

    Outcome deregister(EntityId e) {
        return run(new Command.DeregisterEntity(ROUTER, 0, e, IpFamily.IPV4));
    }

    /** 0.0.0.0/0, built rather than parsed: the literal parser this branch started from rejects "/0". */
    static final Prefix DEFAULT_V4 = Prefix.defaultRoute(IpFamily.IPV4);

    RouteBuilder route(EntityId owner, String prefix) {
        return new RouteBuilder(owner, Prefix.parse(prefix));
    }

    RouteBuilder route(EntityId owner, Prefix prefix) {
        return new RouteBuilder(owner, prefix);
    }

    Outcome delete(EntityId owner, long routeId) {
        return run(new Command.DeleteRoute(ROUTER, 0, owner, null, routeId, null, null));
    }

    Outcome delete(EntityId owner, String prefix, String neighbour, long neighbourIf) {
        return run(new Command.DeleteRoute(ROUTER, 0, owner, null, null, Prefix.parse(prefix),
                neighbour == null ? null : NextHopSpec.of(neighbour, neighbourIf)));
    }

    Outcome hold(EntityId owner, String prefix, int views, long ms) {
        return run(new Command.HoldDestination(ROUTER, 0, owner, null, Prefix.parse(prefix), views, ms));
    }

    Outcome notifyOn(EntityId owner, String id, int views, int types, boolean onlyMarked) {
        return run(new Command.RegisterChangeNotification(ROUTER, 0, owner, null, id, views, types, onlyMarked));
    }

    Outcome register(EntityId e, IpFamily family) {
        return register(e, ExpiryPolicy.DELETE, family);
    }

    Outcome addNextHop(EntityId e, String address, long ifIndex) {
        return run(new Command.AddNextHop(ROUTER, 0, e, null, NextHopSpec.of(address, ifIndex)));
    }

    Outcome deleteNextHop(EntityId e, String address, long ifIndex) {
        return run(new Command.DeleteNextHop(ROUTER, 0, e, null, NextHopSpec.of(address, ifIndex), null));
    }

    Outcome deleteNextHop(EntityId e, long id) {
        return run(new Command.DeleteNextHop(ROUTER, 0, e, null, null, id));
    }

    Outcome notifyOff(EntityId owner, String id) {
        return run(new Command.DeregisterChangeNotification(ROUTER, 0, owner, null, id));
    }

    Outcome mark(EntityId owner, String registrationId, String prefix, boolean on) {
        return run(new Command.MarkDest(ROUTER, 0, owner, null, registrationId, Prefix.parse(prefix), on));
    }

    Outcome createList(EntityId owner, String name) {
        return run(new Command.CreateRouteList(ROUTER, 0, owner, null, name));
    }

    Outcome deleteList(EntityId owner, String name) {
        return run(new Command.DeleteRouteList(ROUTER, 0, owner, null, name));
    }

    Outcome insertInList(EntityId owner, String name, Long... routeIds) {
        return run(new Command.InsertInRouteList(ROUTER, 0, owner, null, name, List.of(routeIds)));
    }

    Outcome setOpaque(EntityId owner, String prefix, String value) {
        return run(new Command.SetOpaque(ROUTER, 0, owner, null, Prefix.parse(prefix), value));
    }

    Outcome invoke(EntityId caller, EntityId target, String invocationId, String... methods) {
        return run(new Command.InvokeMethod(ROUTER, 0, caller, null, target, List.of(methods), invocationId,
                "in-" + invocationId));
    }

    Outcome answer(EntityId target, String invocationId, EntityId caller, Status status, String output) {
        return run(new Command.MethodResult(ROUTER, 0, target, null, invocationId, caller, status, output));
    }

    Outcome block(EntityId e, boolean block) {
        return run(new Command.BlockMethods(ROUTER, 0, e, null, block));
    }

    /** Runs a command that must succeed and returns its outcome. */
    Outcome ok(Command c) {
        Outcome o = run(c);
        if (!o.succeeded()) {
            throw new AssertionError("expected NO_ERROR for " + c + " but got " + o.status() + ": " + o.message());
        }
        return o;
    }

    /** The id of a route added by the builder, which must succeed. */
    long addOk(RouteBuilder b) {
        return ok(b.command()).routeId();
    }

    RouteInfo routeInfo(long id) {
        return engine.queries().route(ROUTER, id);
    }

    /** The status of a read-only call: NO_ERROR, or the status of the RtmException it throws. */
    static Status statusOf(Runnable query) {
        try {
            query.run();
            return Status.NO_ERROR;
        } catch (RtmException e) {
            return e.status();
        }
    }

    static Prefix p(String prefix) {
        return Prefix.parse(prefix);
    }

    /** The events of one kind in the effects, in order. */
    static <T extends EntityEvent> List<T> events(Effects fx, Class<T> kind) {
        return fx.events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The destination change of the prefix in the view, or null when there was none. */
    static DestChange change(Effects fx, String prefix, View view) {
        DestChange found = null;
        for (DestChange c : fx.destChanges()) {
            if (c.prefix().equals(Prefix.parse(prefix)) && c.view() == view) {
                if (found != null) {
                    throw new AssertionError("two changes of " + prefix + " in " + view + " in one operation");
                }
                found = c;
            }
        }
        return found;
    }

    /** The change types of the prefix in the view (0 when unchanged). */
    static int changeTypes(Effects fx, String prefix, View view) {
        DestChange c = change(fx, prefix, view);
        return c == null ? 0 : c.changeTypes();
    }

    static int types(ChangeType... types) {
        return ChangeType.mask(List.of(types));
    }

    /** Moves the clock and fires whatever fell due. */
    Effects advance(long ms) {
        now += ms;
        return engine.fireDueTimers(now);
    }

    DestInfo dest(String prefix) {
        return engine.queries().exactMatch(V4, Prefix.parse(prefix), View.MASK_ALL, 0, null);
    }

    ViewInfo unicast(String prefix) {
        return dest(prefix).views().get(0);
    }

    ViewInfo multicast(String prefix) {
        return dest(prefix).views().get(1);
    }

    /** The id of the view's best route of the prefix, 0 for none. */
    long bestId(String prefix, View view) {
        ViewInfo v = dest(prefix).views().get(view.id());
        return v.route() == null ? 0 : v.route().route().id();
    }

    /** The registrations told about the prefix in the effects (published delivery). */
    static List<String> notified(Effects fx, String prefix) {
        return registrations(fx, prefix, false);
    }

    /** The registrations whose published entry for the prefix was withdrawn in the effects (R99). */
    static List<String> withdrawn(Effects fx, String prefix) {
        return registrations(fx, prefix, true);
    }

    private static List<String> registrations(Effects fx, String prefix, boolean withdrawals) {
        List<String> out = new ArrayList<>();
        for (Notification n : fx.notifications()) {
            if (n.prefix().equals(Prefix.parse(prefix)) && n.isWithdrawal() == withdrawals) {
                out.add(n.registration().id());
            }
        }
        return out;
    }

    /** Builds an ADD_ROUTE; defaults: unicast, preference 1, metric 1, no next hops, no neighbour, TTL INFINITE. */
    final class RouteBuilder {
        private final EntityId owner;
        private final Prefix dest;
        private final List<NextHopSpec> hops = new ArrayList<>();
        private NextHopSpec neighbour;
        private long preference = 1;
        private long metric = 1;
        private int views = U;
        private int flags;
        private long ttl = Command.INFINITE;
        private int changeFlags;
        private Long routeId;
        private String list;
        private String info;
        private IpFamily family;

        RouteBuilder(EntityId owner, Prefix dest) {
            this.owner = owner;
            this.dest = dest;
        }

        RouteBuilder via(String address, long ifIndex) {
            hops.add(NextHopSpec.of(address, ifIndex));
            return this;
        }

        RouteBuilder neighbour(String address, long ifIndex) {
            neighbour = NextHopSpec.of(address, ifIndex);
            return this;
        }

        RouteBuilder cost(long pref, long met) {
            preference = pref;
            metric = met;
            return this;
        }

        RouteBuilder views(int v) {
            views = v;
            return this;
        }

        RouteBuilder flags(int f) {
            flags = f;
            return this;
        }

        RouteBuilder ttl(long ms) {
            ttl = ms;
            return this;
        }

        RouteBuilder asNew() {
            changeFlags |= RouteChange.NEW;
            return this;
        }

        RouteBuilder first() {
            changeFlags |= RouteChange.FIRST;
            return this;
        }

        RouteBuilder id(long id) {
            routeId = id;
            return this;
        }

        RouteBuilder list(String name) {
            list = name;
            return this;
        }

        RouteBuilder info(String esi) {
            info = esi;
            return this;
        }

        RouteBuilder family(IpFamily f) {
            family = f;
            return this;
        }

        Command.AddRoute command() {
            return new Command.AddRoute(ROUTER, 0, owner, family, dest, hops, neighbour, preference, metric, views,
                    flags, ttl, changeFlags, routeId, list, info);
        }

        Outcome add() {
            return run(command());
        }
    }
}
