package io.rtmstreams.rtm;

import java.util.List;
import java.util.Objects;

/**
 * Classifies what an operation did to a destination in one view (R100–R104), by comparing the destination before
 * and after:
 * <ul>
 *   <li>ALL when a route of the view was added, removed, or changed in anything a consumer sees (R101; a pure TTL
 *   refresh is no change, A21; joining or leaving the view counts in that view only, R104), or its hold-down route
 *   came or went (R95);</li>
 *   <li>BEST when the best route is another one (including none ↔ some), or the same route with another
 *   preference, metric, interface metric, usable next hops, interfaces behind them, or flags (R102, A22, D11);</li>
 *   <li>FORWARDING for every BEST change except one whose only effect is on non-forwarding flags (R103, A23).</li>
 * </ul>
 */
final class ChangeClassifier {

    private ChangeClassifier() {
    }

    static int classify(Destination before, Destination after, View view) {
        int types = 0;
        if (routesChanged(before, after, view) || holdChanged(before, after, view)) {
            types |= ChangeType.ALL.bit();
        }
        Route oldBest = before == null ? null : before.best(view);
        Route newBest = after.best(view);
        if (oldBest == null && newBest == null) {
            return types;
        }
        if (oldBest == null || newBest == null || oldBest.id() != newBest.id()) {
            return types | ChangeType.ALL.bit() | ChangeType.BEST.bit() | ChangeType.FORWARDING.bit();
        }
        boolean forwarding = oldBest.preference() != newBest.preference()
                || oldBest.metric() != newBest.metric()
                || oldBest.cost().interfaceMetric() != newBest.cost().interfaceMetric()
                || oldBest.cost().interfaces() != newBest.cost().interfaces()
                || !oldBest.usableNextHops().equals(newBest.usableNextHops())
                || ((oldBest.flags() ^ newBest.flags()) & RouteFlags.FORWARDING_MASK) != 0;
        if (forwarding) {
            return types | ChangeType.BEST.bit() | ChangeType.FORWARDING.bit();
        }
        if (oldBest.flags() != newBest.flags()) {
            return types | ChangeType.BEST.bit();
        }
        return types;
    }

    private static boolean routesChanged(Destination before, Destination after, View view) {
        List<Route> old = before == null ? List.of() : before.routes();
        int oldCount = 0;
        for (Route o : old) {
            if (!o.inView(view)) {
                continue;
            }
            oldCount++;
            Route n = after.route(o.id());
            if (n == null || !n.inView(view) || !n.sameContent(o)) {
                return true;
            }
        }
        return oldCount != after.numRoutes(view);
    }

    private static boolean holdChanged(Destination before, Destination after, View view) {
        Route oldHold = before == null ? null : before.slot(view).holdRoute();
        Route newHold = after.slot(view).holdRoute();
        return !Objects.equals(oldHold == null ? null : oldHold.id(), newHold == null ? null : newHold.id());
    }
}
