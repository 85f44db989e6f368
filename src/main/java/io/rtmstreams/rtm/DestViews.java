package io.rtmstreams.rtm;

import java.util.ArrayList;
import java.util.List;

/** Builds the consumer's view of a destination: best-route snapshots and RTM_DEST_INFO records (R34, R39, R77). */
final class DestViews {

    private final RouteCostModel costModel;

    DestViews(RouteCostModel costModel) {
        this.costModel = costModel;
    }

    /** The view's best route of a stored destination (null for none) with the reason it won. */
    BestRoute best(TableId t, Destination d, View v) {
        Route r = d == null ? null : d.best(v);
        return r == null ? null : best(t, r, reason(d, v));
    }

    /**
     * The reason the view's best route won: the stored one, or, in state written before reasons were recorded, the
     * selection's over the stored routes with the stored best as incumbent, which is the same for the same state.
     */
    static SelectionReason reason(Destination d, View v) {
        SelectionReason stored = d.slot(v).reason();
        return stored != null ? stored : BestRouteSelector.select(d.routes(), v, d.slot(v).bestRouteId()).reason();
    }

    private BestRoute best(TableId t, Route route, SelectionReason reason) {
        if (route == null) {
            return null;
        }
        List<NextHopRef> usable = route.usableNextHops();
        List<BestRoute.Hop> hops = new ArrayList<>(usable.size());
        for (NextHopRef h : usable) {
            hops.add(new BestRoute.Hop(h, costModel.interfaceLuid(t, h.interfaceIndex())));
        }
        return new BestRoute(route, hops, reason);
    }

    /**
     * The destination record with one view entry per view of {@code viewMask} (none for ANY, R39). With a protocol
     * selector other than {@link ProtocolIds#BEST_PROTOCOL}, the reported route is that protocol's best; the
     * hold-down route and the route count are not filtered (R77, A14).
     */
    DestInfo info(TableId t, Destination d, int viewMask, long protocolId) {
        List<ViewInfo> views = new ArrayList<>(2);
        for (View v : View.of(viewMask)) {
            BestRoute best;
            if (protocolId == ProtocolIds.BEST_PROTOCOL) {
                best = best(t, d, v);
            } else {
                BestRouteSelector.Selection s = protocolBest(d, v, protocolId);
                best = best(t, s.best(), s.reason());
            }
            views.add(new ViewInfo(v, d.numRoutes(v), best, d.slot(v).holdRoute()));
        }
        return new DestInfo(t, d.prefix(), d.belongsToViews(), d.lastChanged(), views);
    }

    private static BestRouteSelector.Selection protocolBest(Destination d, View v, long protocolId) {
        List<Route> own = new ArrayList<>();
        for (Route r : d.routes()) {
            if (r.owner().protocolId() == protocolId) {
                own.add(r);
            }
        }
        return BestRouteSelector.select(own, v, d.slot(v).bestRouteId());
    }
}
