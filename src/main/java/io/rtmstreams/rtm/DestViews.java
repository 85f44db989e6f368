package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/** Builds the consumer's view of a destination: best-route snapshots and RTM_DEST_INFO records (R34, R39, R77). */
final class DestViews {

    private final RouteCostModel costModel;

    DestViews(RouteCostModel costModel) {
        this.costModel = costModel;
    }

    BestRoute best(TableId t, Route route) {
        if (route == null) {
            return null;
        }
        List<NextHopRef> usable = route.usableNextHops();
        List<BestRoute.Hop> hops = new ArrayList<>(usable.size());
        for (NextHopRef h : usable) {
            hops.add(new BestRoute.Hop(h, costModel.interfaceLuid(t, h.interfaceIndex())));
        }
        return new BestRoute(route, hops);
    }

    /**
     * The destination record with one view entry per view of {@code viewMask} (none for ANY, R39). With a protocol
     * selector other than {@link ProtocolIds#BEST_PROTOCOL}, the reported route is that protocol's best; the
     * hold-down route and the route count are not filtered (R77, A14).
     */
    DestInfo info(TableId t, Destination d, int viewMask, long protocolId) {
        List<ViewInfo> views = new ArrayList<>(2);
        for (View v : View.of(viewMask)) {
            Route best = protocolId == ProtocolIds.BEST_PROTOCOL ? d.best(v) : protocolBest(d, v, protocolId);
            views.add(new ViewInfo(v, d.numRoutes(v), best(t, best), d.slot(v).holdRoute()));
        }
        return new DestInfo(t, d.prefix(), d.belongsToViews(), d.lastChanged(), views);
    }

    private static Route protocolBest(Destination d, View v, long protocolId) {
        List<Route> own = new ArrayList<>();
        for (Route r : d.routes()) {
            if (r.owner().protocolId() == protocolId) {
                own.add(r);
            }
        }
        return BestRouteSelector.select(own, v, d.slot(v).bestRouteId()).best();
    }
}
