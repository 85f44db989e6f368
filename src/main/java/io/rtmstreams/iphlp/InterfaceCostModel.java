package io.rtmstreams.iphlp;

import io.rtmstreams.net.IpFamily;
import io.rtmstreams.net.Prefix;
import io.rtmstreams.rtm.NextHopRef;
import io.rtmstreams.rtm.Route;
import io.rtmstreams.rtm.RouteCost;
import io.rtmstreams.rtm.RouteCostModel;
import io.rtmstreams.rtm.TableId;

import java.util.List;

/**
 * Route cost over the routers' interface rows (D11–D13, M1–M3), the IP Helper side of the engine's
 * {@link RouteCostModel} seam.
 *
 * <p>A next hop is usable unless its interface is disconnected, deleted, a /0 route's interface with
 * DisableDefaultRoutes, or either metric part is 0xFFFFFFFF (D12). A next hop on an index the router never reported
 * is usable with interface metric 0 ({@code strict-interfaces} makes it unusable), and a REMOTE next hop (index 0)
 * is usable with metric 0. The M3 "unused" check applies to next hops on a reported interface only: without rows
 * the cost must be exactly RTMv2's (D11), where a route metric of 0xFFFFFFFF is merely the worst (R68).
 *
 * <p>A route's interface metric is the smallest among its usable next hops; it is eligible with at least one usable
 * next hop or with none at all (D13). The engine adds it to the route metric in 64 bits (M3).
 */
public final class InterfaceCostModel implements RouteCostModel {

    private static final long UNUSED = 0xFFFF_FFFFL;

    private final InterfaceSource interfaces;
    private final IphlpConfig config;

    InterfaceCostModel(InterfaceSource interfaces, IphlpConfig config) {
        this.interfaces = interfaces;
        this.config = config;
    }

    @Override
    public RouteCost cost(TableId table, Prefix dest, Route route) {
        List<NextHopRef> hops = route.nextHops();
        if (hops.isEmpty()) {
            return RouteCost.plain(0);
        }
        RouterInterfaces ifs = interfaces.router(table.router());
        long mask = 0;
        long best = Long.MAX_VALUE;
        long fingerprint = 0;
        for (int i = 0; i < hops.size(); i++) {
            long ifIndex = hops.get(i).interfaceIndex();
            HopVerdict v = verdict(ifs, table.family(), dest, route.metric(), ifIndex);
            if (v.usable()) {
                mask |= 1L << i;
                best = Math.min(best, v.interfaceMetric());
                InterfaceRow row = ifIndex == 0 ? null : ifs.rowAt(table.family(), ifIndex);
                fingerprint = fingerprint * 0x9E37_79B9_7F4A_7C15L + (row == null ? 0 : row.interfaceLuid() + i + 1);
            }
        }
        return mask == 0 ? new RouteCost(false, 0, 0) : new RouteCost(true, best, mask, fingerprint);
    }

    @Override
    public Long interfaceLuid(TableId table, long interfaceIndex) {
        InterfaceRow r = interfaces.router(table.router()).rowAt(table.family(), interfaceIndex);
        return r == null ? null : r.interfaceLuid();
    }

    /** Where the rows come from. */
    InterfaceSource interfaces() {
        return interfaces;
    }

    /** The interface metric a row stands for, by the configured table (D15). */
    long interfaceMetric(InterfaceRow row) {
        return AutomaticMetric.interfaceMetric(row, config.metricTable());
    }

    /** D12 for one next hop on {@code ifIndex} of a route with {@code routeMetric} to {@code dest}. */
    HopVerdict verdict(RouterInterfaces ifs, IpFamily family, Prefix dest, long routeMetric, long ifIndex) {
        if (ifIndex == 0) {
            return HopVerdict.REMOTE_OR_UNKNOWN;
        }
        IndexSlot slot = ifs.slot(family, ifIndex);
        if (slot == null) {
            return config.strictInterfaces() ? HopVerdict.UNKNOWN_STRICT : HopVerdict.REMOTE_OR_UNKNOWN;
        }
        InterfaceRow row = ifs.rowAt(family, ifIndex);
        if (row == null) {
            return HopVerdict.GONE;
        }
        long metric = interfaceMetric(row);
        return new HopVerdict(reason(row, dest, routeMetric, metric), metric, row);
    }

    private static HopVerdict.Reason reason(InterfaceRow row, Prefix dest, long routeMetric, long interfaceMetric) {
        if (routeMetric == UNUSED || interfaceMetric == UNUSED) {
            return HopVerdict.Reason.METRIC_UNUSED;
        }
        if (dest.isDefault() && row.disableDefaultRoutes()) {
            return HopVerdict.Reason.DEFAULT_ROUTES_DISABLED;
        }
        return row.connected() ? HopVerdict.Reason.USABLE : HopVerdict.Reason.DISCONNECTED;
    }
}
