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

    RouteBuilder route(EntityId owner, String prefix) {
        return new RouteBuilder(owner, Prefix.parse(prefix));
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

    /** The registrations told about the prefix in the effects (published delivery). */
    static List<String> notified(Effects fx, String prefix) {
        List<String> out = new ArrayList<>();
        for (Notification n : fx.notifications()) {
            if (n.prefix().equals(Prefix.parse(prefix))) {
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
