package io.rtmstreams.bench;

import io.rtmstreams.app.loadgen.ChurnMix;
import io.rtmstreams.app.loadgen.ChurnSchedule;
import io.rtmstreams.app.loadgen.CommandEncoder;
import io.rtmstreams.app.loadgen.FleetCommand;
import io.rtmstreams.app.loadgen.FleetModel;
import io.rtmstreams.app.loadgen.FleetShape;
import io.rtmstreams.app.loadgen.InitialLoad;
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
 * The real table spread over a fleet of routers in {@code loadgen}'s terms: a {@link FleetShape} with the prefixes
 * dealt out (entry i to router i mod n), each router a BGP entity with one interface it never reports; the initial
 * load as single ADD_ROUTEs, the routers taking turns; then route updates (a new MED) from loadgen's churn, sent
 * while the fleet runs; and from loadgen's model what each router's state must be afterwards: for every prefix the
 * route id an uninterrupted run gives it (D22), its next hop and its metric.
 */
final class SpreadTable {

    /** One command for a router, on the adverts topic. */
    record Command(String router, String json) {
        byte[] key() {
            return router.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** What the exact-match lookup of a prefix must answer. */
    record Expected(long routeId, long metric, String nextHop) {
    }

    private final FleetShape shape;
    private final FleetModel model;
    private final ChurnSchedule updates;
    private long commands;

    private SpreadTable(FleetShape shape) {
        this.shape = shape;
        this.model = new FleetModel(shape);
        this.updates = new ChurnSchedule(model, new ChurnMix(1, 0, 0), 1, new SplittableRandom(7));
    }

    /** {@code table} spread over {@code routers}. */
    static SpreadTable of(RibTable table, List<String> routers) {
        return new SpreadTable(new FleetShape(routers, table.entries(), FleetShape.Layout.SPLIT, 1, 1));
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
        return shape.routers();
    }

    /** The table's commands: each router's registration and then their routes, routers taking turns. */
    List<Command> load() {
        InitialLoad load = new InitialLoad(model, 1);
        List<Command> out = new ArrayList<>();
        for (int r = 0; r < shape.routerCount(); r++) {
            out.add(command(load.register(r)));
        }
        load.tables().forEachRemaining(c -> out.add(command(c)));
        return out;
    }

    /** The next route update: a route of a random router re-advertised with a new MED. */
    Command nextUpdate() {
        return command(updates.next(1).commands().get(0));
    }

    /** Commands handed out so far (the load and the updates), each of which gets exactly one result (D20). */
    long commands() {
        return commands;
    }

    /** A prefix of {@code router}'s whose lookup shows who answers for the router. */
    Prefix probe(String router) {
        return shape.table(shape.routers().indexOf(router)).get(0).prefix();
    }

    /** {@code perRouter} random prefixes of each router with what their lookup must answer. */
    Map<String, Map<Prefix, Expected>> sample(int perRouter, SplittableRandom random) {
        Map<String, Map<Prefix, Expected>> out = new LinkedHashMap<>();
        for (int r = 0; r < shape.routerCount(); r++) {
            List<FleetModel.ExpectedRoute> routes = List.copyOf(model.expectedBest(r).values());
            Map<Prefix, Expected> picked = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(perRouter, routes.size()); k++) {
                FleetModel.ExpectedRoute e = routes.get(random.nextInt(routes.size()));
                picked.put(e.prefix(), new Expected(e.routeId(), e.metric(), e.neighbour().toString()));
            }
            out.put(shape.router(r), picked);
        }
        return out;
    }

    private Command command(FleetCommand c) {
        commands++;
        return new Command(c.router(), new String(CommandEncoder.encode(c), StandardCharsets.UTF_8));
    }
}
