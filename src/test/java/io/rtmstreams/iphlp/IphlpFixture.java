package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.Destination;
import io.rtmstreams.rtm.Effects;
import io.rtmstreams.rtm.EffectsCollector;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ExpiryPolicy;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.Status;
import io.rtmstreams.rtm.TableId;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.InMemoryStores;

import java.util.List;

/**
 * The IP Helper domain and its RTM engine on in-memory stores, router {@code r1}, RTM instance 0, with short ways to
 * report interface rows, add routes and ask GetBestRoute2. The entities NETMGMT and OSPF are registered in both
 * families.
 */
final class IphlpFixture {

    static final String ROUTER = "r1";
    static final EntityId NETMGMT = EntityId.of(3, 1);
    static final EntityId OSPF = EntityId.of(13, 1);
    static final TableId V4 = TableId.of(ROUTER, 0, IpFamily.IPV4);
    static final TableId V6 = TableId.of(ROUTER, 0, IpFamily.IPV6);

    final InMemoryStores stores = new InMemoryStores();
    final IpHelper ip;
    long now = 1_000_000L;

    /** An interface change's result and the destination changes it caused. */
    record Applied(InterfaceChangeResult result, Effects effects) {
        Status status() {
            return result.status();
        }
    }

    IphlpFixture() {
        this(IphlpConfig.DEFAULTS);
    }

    IphlpFixture(IphlpConfig config) {
        ip = IpHelper.create(stores, RtmConfig.DEFAULTS, config);
        for (EntityId e : List.of(NETMGMT, OSPF)) {
            for (IpFamily f : IpFamily.values()) {
                Outcome o = ip.engine().execute(new Command.RegisterEntity(ROUTER, 0, e, f, ExpiryPolicy.DELETE,
                        List.of()), now);
                if (!o.succeeded()) {
                    throw new IllegalStateException("cannot register " + e + ": " + o.message());
                }
            }
        }
    }

    /** An IPv4 row with a manual metric (UseAutomaticMetric off), so that Metric is the interface metric. */
    static InterfaceRowBuilder v4(long luid, long index, long metric) {
        return InterfaceRow.builder(IpFamily.IPV4).interfaceLuid(luid).interfaceIndex(index)
                .useAutomaticMetric(false).metric(metric);
    }

    static InterfaceRowBuilder v6(long luid, long index, long metric) {
        return InterfaceRow.builder(IpFamily.IPV6).interfaceLuid(luid).interfaceIndex(index)
                .useAutomaticMetric(false).metric(metric);
    }

    Applied change(NotificationType type, InterfaceRow row) {
        EffectsCollector collector = new EffectsCollector();
        InterfaceChangeResult r = ip.apply(InterfaceChange.of(ROUTER, type, row), now, collector.sink());
        return new Applied(r, collector.effects());
    }

    Applied put(InterfaceRow row) {
        return change(NotificationType.PARAMETER_CHANGE, row);
    }

    Applied put(InterfaceRowBuilder row) {
        return put(row.build());
    }

    Applied add(InterfaceRowBuilder row) {
        return change(NotificationType.ADD_INSTANCE, row.build());
    }

    Applied delete(InterfaceRowBuilder row) {
        return change(NotificationType.DELETE_INSTANCE, row.build());
    }

    static NextHopSpec via(String address, long interfaceIndex) {
        return NextHopSpec.of(address, interfaceIndex);
    }

    /**
     * Parses a prefix; "/0" goes through {@link Prefix#defaultRoute} because this branch's literal parser still
     * refuses a zero prefix length (fixed on main in b8e869d).
     */
    static Prefix prefix(String text) {
        if (text.endsWith("/0")) {
            return Prefix.defaultRoute(IpAddress.parse(text.substring(0, text.length() - 2)).family());
        }
        return Prefix.parse(text);
    }

    /** Adds a new unicast route (NEW, so that an owner may hold several on one destination); returns its id. */
    long route(EntityId owner, String prefix, long preference, long metric, NextHopSpec... hops) {
        Outcome o = ip.engine().execute(new Command.AddRoute(ROUTER, 0, owner, null, prefix(prefix),
                List.of(hops), null, preference, metric, View.UNICAST.mask(), 0, Command.INFINITE, RouteChange.NEW,
                null, null, null), now);
        if (!o.succeeded()) {
            throw new IllegalStateException("cannot add " + prefix + ": " + o.message());
        }
        return o.routeId();
    }

    long route(String prefix, long metric, NextHopSpec... hops) {
        return route(NETMGMT, prefix, 0, metric, hops);
    }

    BestRouteResult best(BestRouteQuery q) {
        return ip.bestRoute(q);
    }

    BestRouteResult best(String destination) {
        return best(to(destination));
    }

    static BestRouteQuery to(String destination) {
        return BestRouteQuery.to(ROUTER, destination);
    }

    static BestRouteQuery to(String destination, long scopeId) {
        return BestRouteQuery.to(ROUTER, SockAddrInet.of(destination, scopeId));
    }

    /** The stored unicast best route of a destination, or null. */
    Route storedBest(String prefix) {
        Prefix p = prefix(prefix);
        Destination d = ip.engine().queries().destination(p.family() == IpFamily.IPV4 ? V4 : V6, p);
        return d == null ? null : d.best(View.UNICAST);
    }
}
