package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.Command;
import io.rtmstreams.rtm.DestChange;
import io.rtmstreams.rtm.EffectSink;
import io.rtmstreams.rtm.EntityEvent;
import io.rtmstreams.rtm.EntityId;
import io.rtmstreams.rtm.ExpiryPolicy;
import io.rtmstreams.rtm.NextHopSpec;
import io.rtmstreams.rtm.Notification;
import io.rtmstreams.rtm.Outcome;
import io.rtmstreams.rtm.RouteChange;
import io.rtmstreams.rtm.RtmConfig;
import io.rtmstreams.rtm.View;
import io.rtmstreams.rtm.state.InMemoryStores;

import java.util.List;

/**
 * One router on in-memory stores for the benchmarks: interfaces A (index 1, metric 10, address 192.0.2.10) and B
 * (index 2, metric 20, address 198.51.100.10), and {@code destinations} distinct /24 prefixes from 1.0.0.0 upwards,
 * each with a route via A and a route via B, so that A carries every best route and B is the alternative; plus a
 * default route via each.
 */
final class SyntheticRouter {

    static final String ROUTER = "bench";
    static final long A = NetLuid.of(6, 1);
    static final long B = NetLuid.of(6, 2);
    private static final EntityId BGP = EntityId.of(14, 1);

    final InMemoryStores stores = new InMemoryStores();
    final IpHelper ip = IpHelper.create(stores, RtmConfig.DEFAULTS, IphlpConfig.DEFAULTS);
    final int destinations;

    SyntheticRouter(int destinations) {
        this.destinations = destinations;
        ip.engine().execute(new Command.RegisterEntity(ROUTER, 0, BGP, IpFamily.IPV4, ExpiryPolicy.DELETE, List.of()),
                0);
        report(rowA(true));
        report(rowB());
        add(Prefix.defaultRoute(IpFamily.IPV4), 0, 1);
        add(Prefix.defaultRoute(IpFamily.IPV4), 0, 2);
        for (int i = 0; i < destinations; i++) {
            add(dest(i), 1, 1);
            add(dest(i), 1, 2);
        }
    }

    /** The i-th /24: 1.0.0.0/24, 1.0.1.0/24, … */
    static Prefix dest(int i) {
        return Prefix.of(IpAddress.ipv4((1 << 24) + (i << 8)), 24);
    }

    /** An address inside the i-th /24. */
    static IpAddress inside(int i) {
        return IpAddress.ipv4(insideValue(i));
    }

    /** {@link #inside} as a 32-bit value. */
    static int insideValue(int i) {
        return (1 << 24) + (i << 8) + 1 + (i % 250);
    }

    static InterfaceRow rowA(boolean connected) {
        return InterfaceRow.builder(IpFamily.IPV4).interfaceLuid(A).interfaceIndex(1).useAutomaticMetric(false)
                .metric(10).connected(connected).addresses("192.0.2.10").build();
    }

    static InterfaceRow rowB() {
        return InterfaceRow.builder(IpFamily.IPV4).interfaceLuid(B).interfaceIndex(2).useAutomaticMetric(false)
                .metric(20).addresses("198.51.100.10").build();
    }

    InterfaceChangeResult report(InterfaceRow row) {
        return ip.apply(InterfaceChange.of(ROUTER, NotificationType.PARAMETER_CHANGE, row), 0, new CountingSink());
    }

    private void add(Prefix p, long metric, long ifIndex) {
        String gateway = ifIndex == 1 ? "192.0.2.1" : "198.51.100.1";
        Outcome o = ip.engine().execute(new Command.AddRoute(ROUTER, 0, BGP, null, p,
                List.of(NextHopSpec.of(gateway, ifIndex)), null, 20, metric, View.UNICAST.mask(), 0,
                Command.INFINITE, RouteChange.NEW, null, null, null), 0);
        if (!o.succeeded()) {
            throw new IllegalStateException(p + ": " + o.message());
        }
    }

    /** Counts what a recomputation streams out; the topology would turn each change into records. */
    static final class CountingSink implements EffectSink {
        long changes;

        @Override
        public void change(DestChange change) {
            changes++;
        }

        @Override
        public void event(EntityEvent event) {
        }

        @Override
        public void notify(Notification notification) {
        }
    }
}
