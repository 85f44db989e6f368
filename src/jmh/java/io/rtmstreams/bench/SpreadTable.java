package io.rtmstreams.bench;

import io.rtmstreams.net.Prefix;
import io.rtmstreams.streams.Placement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The real table spread over a fleet of routers (entry i goes to router i mod n, each router with its own BGP
 * entity), the metric updates sent while the fleet runs, and what each router's state must be afterwards: for every
 * prefix the route id an uninterrupted run gives it (ids count a router's new routes from 1, D22; an update keeps
 * the id), its next hop and the last metric sent.
 */
final class SpreadTable {

    /** One command for a router. */
    record Command(String router, String json) {
        byte[] key() {
            return router.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What the exact-match lookup of a prefix must answer. */
    record Expected(long routeId, long metric, String nextHop) {
    }

    private final List<String> routers;
    private final List<List<RibTable.Entry>> entries = new ArrayList<>();
    private final List<Map<Prefix, Expected>> expected = new ArrayList<>();
    private long updates;

    private SpreadTable(RibTable table, List<String> routers) {
        this.routers = List.copyOf(routers);
        for (int r = 0; r < routers.size(); r++) {
            entries.add(new ArrayList<>());
            expected.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < table.entries().size(); i++) {
            entries.get(i % routers.size()).add(table.entries().get(i));
        }
    }

    /** {@code table} spread over {@code routers}. */
    static SpreadTable of(RibTable table, List<String> routers) {
        return new SpreadTable(table, routers);
    }

    /** {@code n} router names that the Java client's partitioner puts on {@code n} different partitions (n ≤ p). */
    static List<String> onePerPartition(int n, int partitions) {
        Map<Integer, String> byPartition = new TreeMap<>();
        for (int i = 1; byPartition.size() < n; i++) {
            String router = "router-" + i;
            byPartition.putIfAbsent(Placement.partition(router.getBytes(StandardCharsets.UTF_8), partitions), router);
        }
        return List.copyOf(byPartition.values());
    }

    List<String> routers() {
        return routers;
    }

    /** The table's commands: each router's registration and then its routes, routers interleaved. */
    List<Command> load() {
        List<Command> out = new ArrayList<>();
        routers.forEach(r -> out.add(new Command(r, RibTable.register(r))));
        int longest = entries.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int r = 0; r < routers.size(); r++) {
                if (i < entries.get(r).size()) {
                    out.add(add(r, "t" + i, entries.get(r).get(i), entries.get(r).get(i).med()));
                }
            }
        }
        return out;
    }

    /** The next metric update: routers in turn, each router's routes in order, the metric one more than before. */
    Command nextUpdate() {
        long n = updates++;
        int r = (int) (n % routers.size());
        List<RibTable.Entry> own = entries.get(r);
        RibTable.Entry e = own.get((int) ((n / routers.size()) % own.size()));
        long metric = expected.get(r).get(e.prefix()).metric() + 1;
        return add(r, "u" + n, e, metric);
    }

    /** Commands sent so far (the load and the updates), each of which gets exactly one result (D20). */
    long commands() {
        return routers.size() + entries.stream().mapToLong(List::size).sum() + updates;
    }

    /** A prefix of {@code router}'s whose lookup shows who answers for the router. */
    Prefix probe(String router) {
        return entries.get(routers.indexOf(router)).get(0).prefix();
    }

    /** {@code perRouter} random prefixes of each router with what their lookup must answer. */
    Map<String, Map<Prefix, Expected>> sample(int perRouter, SplittableRandom random) {
        Map<String, Map<Prefix, Expected>> out = new LinkedHashMap<>();
        for (int r = 0; r < routers.size(); r++) {
            List<RibTable.Entry> own = entries.get(r);
            Map<Prefix, Expected> picked = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(perRouter, own.size()); k++) {
                Prefix p = own.get(random.nextInt(own.size())).prefix();
                picked.put(p, expected.get(r).get(p));
            }
            out.put(routers.get(r), picked);
        }
        return out;
    }

    private Command add(int r, String requestId, RibTable.Entry e, long metric) {
        Map<Prefix, Expected> state = expected.get(r);
        Expected before = state.get(e.prefix());
        long id = before != null ? before.routeId() : state.size() + 1;
        state.put(e.prefix(), new Expected(id, metric, e.nextHop().toString()));
        return new Command(routers.get(r), RibTable.addRoute(routers.get(r), requestId, e, metric));
    }
}
