package io.rtmstreams.rtm;

import java.util.List;
import java.util.Objects;

/**
 * A live route of a destination (R50). The owner is the entity that added it (R58); {@code neighbour} is one of the
 * owner's next hops naming the peer that advertised it, or null. Preference and metric are unsigned 32-bit (R8).
 *
 * <p>{@code seq} is the destination's sequence number at the moment the route took its current (preference,
 * metric): a lower {@code seq} has held its cost longer, which breaks ties between equal costs (D4, R72).
 * {@code cost} is derived from the interfaces under the next hops (D11–D13) and refreshed whenever the
 * destination is recomputed; {@code expiresAt} is the TTL deadline in ms, 0 for INFINITE (R82, D8).
 * {@code updatedAt} is the time of the route's last add or update, re-adverts that change nothing included (D29):
 * the sweep of DELETE_NEIGHBOUR_ROUTES with {@code notUpdatedSinceMs} goes by it; it is no part of what consumers
 * see, so refreshing it alone publishes nothing (0 for routes stored before it was kept).
 */
public record Route(
        long id,
        EntityId owner,
        NextHopRef neighbour,
        int flags,
        long preference,
        long metric,
        int views,
        List<NextHopRef> nextHops,
        String entitySpecificInfo,
        String routeList,
        long expiresAt,
        long seq,
        RouteCost cost,
        long updatedAt) {

    public Route {
        Objects.requireNonNull(owner, "owner");
        nextHops = List.copyOf(nextHops);
        Objects.requireNonNull(cost, "cost");
    }

    public boolean inView(View view) {
        return view.in(views);
    }

    public boolean eligibleIn(View view) {
        return view.in(views) && cost.eligible();
    }

    /** Route metric plus interface metric, in 64 bits (D11, M1, M3). */
    public long effectiveMetric() {
        return metric + cost.interfaceMetric();
    }

    /** The next hops the forwarding plane can use (D13). */
    public List<NextHopRef> usableNextHops() {
        long mask = cost.usableMask();
        if (mask == RouteCost.allUsable(nextHops.size())) {
            return nextHops;
        }
        return java.util.stream.IntStream.range(0, nextHops.size())
                .filter(cost::usable)
                .mapToObj(nextHops::get)
                .toList();
    }

    /**
     * True when a consumer of the destination would see no difference between the two routes: every stored field
     * except the views, the TTL deadline, the route list and the cost sequence, plus the derived cost. A pure TTL
     * refresh is therefore not a change (A21); view membership is judged per view (R104).
     */
    public boolean sameContent(Route o) {
        return flags == o.flags
                && preference == o.preference
                && metric == o.metric
                && Objects.equals(neighbour, o.neighbour)
                && nextHops.equals(o.nextHops)
                && Objects.equals(entitySpecificInfo, o.entitySpecificInfo)
                && cost.equals(o.cost);
    }

    public Route withCost(RouteCost newCost) {
        return newCost.equals(cost) ? this : new Route(id, owner, neighbour, flags, preference, metric, views,
                nextHops, entitySpecificInfo, routeList, expiresAt, seq, newCost, updatedAt);
    }

    public Route withRouteList(String list) {
        return new Route(id, owner, neighbour, flags, preference, metric, views, nextHops, entitySpecificInfo, list,
                expiresAt, seq, cost, updatedAt);
    }

    public Route withExpiresAt(long deadline) {
        return new Route(id, owner, neighbour, flags, preference, metric, views, nextHops, entitySpecificInfo,
                routeList, deadline, seq, cost, updatedAt);
    }

    public Route withUpdatedAt(long time) {
        return new Route(id, owner, neighbour, flags, preference, metric, views, nextHops, entitySpecificInfo,
                routeList, expiresAt, seq, cost, time);
    }
}
