package io.rtmstreams.app.loadgen;

import io.rtmstreams.net.IpAddress;
import io.rtmstreams.net.Prefix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the generator has advertised so far, and so what the processor must hold once it has applied it all: per
 * router, every route (a slot of its table from one peer, {@link #route}) with its route id and metric, or nothing
 * when it is not advertised. Route ids are what the processor gives (D22): a per-router counter from 1, taken by
 * every new route, kept by updates, never reused; so the model holds only for a router whose table started empty.
 *
 * <p>Invariants: a route is withdrawn only while advertised ({@link #withdraw} refuses otherwise); the count of
 * advertised routes per (router, interface, peer) is kept with every change. With every interface up, a
 * destination's best route is its advertised route of the lowest peer ({@link FleetShape}: strictly cheapest).
 */
public final class FleetModel {

    /** The best route the processor must publish for a destination (unicast view). */
    public record ExpectedRoute(Prefix prefix, long routeId, long metric, IpAddress neighbour, int interfaceIndex) {

        /** The route's metric plus its interface's (D11). */
        public long effectiveMetric() {
            return metric + FleetShape.INTERFACE_METRIC;
        }
    }

    private final FleetShape shape;
    /** Per router, per route: its id (0: not advertised). */
    private final int[][] routeIds;
    /** Per router, per route: its metric (an unsigned 32-bit number). */
    private final int[][] metrics;
    /** Per router: advertised routes per (interface, peer), at (interface - 1) * peers + peer. */
    private final int[][] advertised;
    private final int[] lastRouteId;

    public FleetModel(FleetShape shape) {
        this.shape = shape;
        int n = shape.routerCount();
        routeIds = new int[n][];
        metrics = new int[n][];
        advertised = new int[n][shape.interfaces() * shape.peers()];
        lastRouteId = new int[n];
        for (int r = 0; r < n; r++) {
            routeIds[r] = new int[shape.table(r).size() * shape.peers()];
            metrics[r] = new int[routeIds[r].length];
        }
    }

    public FleetShape shape() {
        return shape;
    }

    /** The index of the route of {@code slot} from {@code peer} among router {@code r}'s routes. */
    public int route(int r, int slot, int peer) {
        return peer * shape.table(r).size() + slot;
    }

    /**
     * Records an advert of a route with {@code metric}: a new route takes the router's next id, an advertised one
     * keeps its id. Returns whether the route is new.
     */
    public boolean advertise(int r, int slot, int peer, long metric) {
        int route = route(r, slot, peer);
        metrics[r][route] = (int) metric;
        if (routeIds[r][route] != 0) {
            return false;
        }
        if (lastRouteId[r] == Integer.MAX_VALUE) {
            throw new IllegalStateException("router " + shape.router(r) + " ran out of route ids");
        }
        routeIds[r][route] = ++lastRouteId[r];
        advertised[r][neighbour(slot, peer)]++;
        return true;
    }

    /** Records the withdrawal of an advertised route. */
    public void withdraw(int r, int slot, int peer) {
        int route = route(r, slot, peer);
        if (routeIds[r][route] == 0) {
            throw new IllegalStateException("slot " + slot + " of " + shape.router(r) + " from peer " + peer
                    + " is not advertised");
        }
        routeIds[r][route] = 0;
        advertised[r][neighbour(slot, peer)]--;
    }

    public boolean isAdvertised(int r, int slot, int peer) {
        return routeIds[r][route(r, slot, peer)] != 0;
    }

    /** The route's id, 0 when it is not advertised. */
    public long routeId(int r, int slot, int peer) {
        return routeIds[r][route(r, slot, peer)];
    }

    public long metric(int r, int slot, int peer) {
        return Integer.toUnsignedLong(metrics[r][route(r, slot, peer)]);
    }

    /** How many routes of router {@code r} are advertised by {@code peer} on {@code interfaceIndex}. */
    public int advertisedBy(int r, int interfaceIndex, int peer) {
        return advertised[r][(interfaceIndex - 1) * shape.peers() + peer];
    }

    /** Every advertised route of the fleet. */
    public long advertisedRoutes() {
        long n = 0;
        for (int[] counts : advertised) {
            for (int c : counts) {
                n += c;
            }
        }
        return n;
    }

    /** Router {@code r}'s best routes by prefix, as the processor must publish them with every interface up. */
    public Map<Prefix, ExpectedRoute> expectedBest(int r) {
        Map<Prefix, ExpectedRoute> best = new LinkedHashMap<>();
        for (int slot = 0; slot < shape.table(r).size(); slot++) {
            for (int peer = 0; peer < shape.peers(); peer++) {
                if (isAdvertised(r, slot, peer)) {
                    int i = shape.interfaceOf(slot);
                    Prefix prefix = shape.table(r).get(slot).prefix();
                    best.put(prefix, new ExpectedRoute(prefix, routeId(r, slot, peer), metric(r, slot, peer),
                            shape.peerAddress(i, peer), i));
                    break;
                }
            }
        }
        return best;
    }

    private int neighbour(int slot, int peer) {
        return (shape.interfaceOf(slot) - 1) * shape.peers() + peer;
    }
}
