package io.rtmstreams.it;

import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A deliberately small model of the RTM, independent of the product's code, for inputs that stay inside what it
 * covers: IPv4, rtmInstance 0, one route per (owner, neighbour) and destination, one next hop per route that is also
 * its neighbour, interfaces that are all connected, no timers. A route's cost in a view is its preference, then its
 * metric plus the metric of its next hop's interface (D11); callers keep costs distinct, so no tie-break (D4) is
 * ever needed.
 */
public final class RouteTableModel {

    /** A route as its owner advertised it. */
    public record Route(Entity owner, Hop via, long preference, long metric, List<String> views) {
    }

    /** The best route of a view of a destination, and how many routes the view has. */
    public record Best(String router, String view, String prefix, Route route, long interfaceMetric, int numRoutes) {
        public long effectiveMetric() {
            return route.metric() + interfaceMetric;
        }

        /** The key of its {@code rtm.best-routes} record. */
        public String key() {
            return router + "|0|" + view + "|" + prefix;
        }
    }

    private final Map<String, Map<Long, Long>> interfaceMetrics = new HashMap<>();
    private final Map<String, SortedMap<String, Map<Entity, Route>>> routes = new HashMap<>();

    public void interfaceMetric(String router, long index, long metric) {
        interfaceMetrics.computeIfAbsent(router, r -> new HashMap<>()).put(index, metric);
    }

    /** Adds or replaces the owner's route to {@code prefix}; true when it is a new route (output flag NEW, R57). */
    public boolean add(String router, String prefix, Route route) {
        return destination(router, prefix).put(route.owner(), route) == null;
    }

    /** Deletes the owner's route to {@code prefix}; false when it has none there (ERROR_NOT_FOUND, R51). */
    public boolean delete(String router, String prefix, Entity owner) {
        return destination(router, prefix).remove(owner) != null;
    }

    /** The best route of every view of every destination that has one, by best-route key. */
    public SortedMap<String, Best> bestRoutes() {
        SortedMap<String, Best> best = new TreeMap<>();
        routes.forEach((router, dests) -> dests.forEach((prefix, owners) -> {
            for (String view : List.of("unicast", "multicast")) {
                best(router, prefix, view).ifPresent(b -> best.put(b.key(), b));
            }
        }));
        return best;
    }

    public Optional<Best> best(String router, String prefix, String view) {
        List<Route> inView = destination(router, prefix).values().stream()
                .filter(r -> r.views().contains(view)).toList();
        return inView.stream()
                .min(Comparator.comparingLong(Route::preference)
                        .thenComparingLong(r -> r.metric() + interfaceMetric(router, r.via())))
                .map(r -> new Best(router, view, prefix, r, interfaceMetric(router, r.via()), inView.size()));
    }

    private long interfaceMetric(String router, Hop via) {
        return interfaceMetrics.getOrDefault(router, Map.of()).getOrDefault(via.interfaceIndex(), 0L);
    }

    private Map<Entity, Route> destination(String router, String prefix) {
        return routes.computeIfAbsent(router, r -> new TreeMap<>()).computeIfAbsent(prefix, p -> new HashMap<>());
    }
}
