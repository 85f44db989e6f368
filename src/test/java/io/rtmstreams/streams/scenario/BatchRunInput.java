package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.contract.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded command stream for two routers in which route commands come in runs: consecutive ADD_ROUTEs, or
 * consecutive DELETE_ROUTEs, of one entity at one instant, with everything else between the runs (interface
 * changes, holds, deregistrations, clock advances that fire TTLs and hold-downs). Each run can be sent
 * {@linkplain #singles() as its single commands} or {@linkplain #batched() as one ADD_ROUTES or DELETE_ROUTES} (D25),
 * whose top level takes some fields the routes share, an element leaving out what it inherits and spelling out as
 * {@code null} what it lacks but the top level has. Runs hold the usual mistakes: invalid and mistyped fields,
 * NEW|FIRST, routes that do not exist, foreign and unknown route ids, an unregistered entity.
 */
final class BatchRunInput {

    /** A group of records sent at one instant after {@code advanceMs}: a run of route commands, or one other. */
    record Group(long advanceMs, String topic, String router, String batchOp, List<ObjectNode> commands) {
    }

    private static final String[] ROUTERS = {"r1", "r2"};
    private static final long[][] ENTITIES = {{14, 1}, {8, 1}, {13, 1}, {10006, 1}}; // the last never registers
    private static final int REGISTERED = 3;
    private static final int INTERFACES = 4;
    private static final List<String> ADD_FIELDS = List.of("dest", "nextHops", "neighbour", "preference", "metric",
            "views", "flags", "timeToLiveMs", "changeFlags", "routeList", "entitySpecificInfo");
    private static final List<String> DELETE_FIELDS = List.of("dest", "neighbour");

    private final Random rnd;
    private final List<String> prefixes = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final boolean[][] registered = new boolean[ROUTERS.length][ENTITIES.length];
    private int requests;
    private long pendingAdvance;

    BatchRunInput(long seed) {
        rnd = new Random(seed);
        prefixes.add("10.0.0.0/8");
        for (int i = 0; i < 40; i++) {
            prefixes.add("10." + (i % 8) + "." + (i / 8) + ".0/24");
        }
    }

    BatchRunInput generate(int operations) {
        for (int r = 0; r < ROUTERS.length; r++) {
            for (int i = 1; i <= INTERFACES; i++) {
                interfaceRow(r, i, 10L * i, true);
            }
            for (int e = 0; e < REGISTERED; e++) {
                register(r, e);
            }
            ObjectNode n = other(r, 0, "REGISTER_CHANGE_NOTIFICATION").put("registrationId", "all");
            n.putArray("views").add("unicast").add("multicast");
            n.putArray("changeTypes").add("ALL");
        }
        for (int n = 0; n < operations; n++) {
            int w = rnd.nextInt(100);
            pendingAdvance += w < 60 ? 0 : w < 90 ? 1 + rnd.nextInt(50) : 200 + rnd.nextInt(2000);
            operation();
        }
        pendingAdvance += 10_000; // every TTL and hold-down runs out
        return this;
    }

    /** Every command as its own record. */
    List<SyntheticFleetInput.Input> singles() {
        List<SyntheticFleetInput.Input> out = new ArrayList<>();
        for (Group g : groups) {
            long advance = g.advanceMs();
            for (ObjectNode c : g.commands()) {
                out.add(input(advance, g.topic(), g.router(), c));
                advance = 0;
            }
        }
        out.add(new SyntheticFleetInput.Input(pendingAdvance, null, null, null));
        return out;
    }

    /** Every run of route commands as one batch, the other commands as they are. */
    List<SyntheticFleetInput.Input> batched() {
        List<SyntheticFleetInput.Input> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.batchOp() == null) {
                out.add(input(g.advanceMs(), g.topic(), g.router(), g.commands().get(0)));
            } else {
                out.add(input(g.advanceMs(), g.topic(), g.router(), batch(g)));
            }
        }
        out.add(new SyntheticFleetInput.Input(pendingAdvance, null, null, null));
        return out;
    }

    /** How many route commands went into batches, and how many batches there are. */
    int[] runs() {
        int commands = 0;
        int batches = 0;
        for (Group g : groups) {
            if (g.batchOp() != null) {
                batches++;
                commands += g.commands().size();
            }
        }
        return new int[] {commands, batches};
    }

    // ---- operations -----------------------------------------------------------------------------------------

    private void operation() {
        int r = rnd.nextInt(ROUTERS.length);
        int w = rnd.nextInt(100);
        if (w < 50) {
            addRun(r);
        } else if (w < 75) {
            deleteRun(r);
        } else if (w < 87) {
            int i = 1 + rnd.nextInt(INTERFACES);
            interfaceRow(r, i, 5 + rnd.nextInt(60), rnd.nextInt(4) != 0);
        } else if (w < 94) {
            ObjectNode h = other(r, rnd.nextInt(REGISTERED), "HOLD_DESTINATION").put("dest", prefix())
                    .put("holdTimeMs", 100 + rnd.nextInt(3000));
            h.putArray("views").add("unicast");
        } else {
            int e = 1 + rnd.nextInt(REGISTERED - 1);
            if (registered[r][e]) {
                other(r, e, "DEREGISTER_ENTITY").put("family", "ipv4");
                registered[r][e] = false;
            } else {
                register(r, e);
            }
        }
    }

    private void addRun(int r) {
        int e = entity();
        List<ObjectNode> run = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
            run.add(addRoute(r, e));
        }
        run(r, "ADD_ROUTES", run);
    }

    private ObjectNode addRoute(int r, int e) {
        ObjectNode c = command(r, e, "ADD_ROUTE").put("dest", prefix());
        ArrayNode hops = c.putArray("nextHops");
        int first = rnd.nextInt(2 * INTERFACES);
        for (int i = 0, n = rnd.nextInt(3); i < n; i++) {
            int h = (first + i) % (2 * INTERFACES);
            hops.addObject().put("address", "198.51.100." + (10 * (1 + h % INTERFACES) + h / INTERFACES))
                    .put("interfaceIndex", 1 + h % INTERFACES);
        }
        neighbour(c, e);
        c.put("preference", new long[] {10, 20, 120}[rnd.nextInt(3)]).put("metric", rnd.nextInt(4));
        ArrayNode views = c.putArray("views").add("unicast");
        if (rnd.nextInt(5) == 0) {
            views.add("multicast");
        }
        if (rnd.nextInt(15) == 0) {
            c.putArray("flags").add("LOCAL");
        }
        if (rnd.nextInt(6) == 0) {
            c.put("timeToLiveMs", 300 + rnd.nextInt(3000));
        }
        int w = rnd.nextInt(100);
        if (w < 6) {
            c.putArray("changeFlags").add("NEW");
        } else if (w < 12) {
            c.putArray("changeFlags").add("FIRST");
        } else if (w < 14) {
            c.putArray("changeFlags").add("NEW").add("FIRST");
        } else if (w < 16) {
            c.put("timeToLiveMs", 0);
        } else if (w < 18) {
            c.put("routeId", 1 + rnd.nextInt(60));
        } else if (w < 19) {
            c.put("dest", "10.0.0.1/33");
        } else if (w < 20) {
            c.put("metric", "low").put("mistyped", true);
        } else if (w < 23) {
            c.put("entitySpecificInfo", "esi-" + rnd.nextInt(3));
        }
        return c;
    }

    private void deleteRun(int r) {
        int e = entity();
        List<ObjectNode> run = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(10); i < n; i++) {
            ObjectNode c = command(r, e, "DELETE_ROUTE");
            if (rnd.nextInt(5) == 0) {
                c.put("routeId", 1 + rnd.nextInt(60));
            } else {
                neighbour(c.put("dest", prefix()), e);
            }
            run.add(c);
        }
        run(r, "DELETE_ROUTES", run);
    }

    private void register(int r, int e) {
        ObjectNode c = other(r, e, "REGISTER_ENTITY").put("family", "ipv4");
        if (e == 2) {
            c.put("expiryPolicy", "NOTIFY");
        }
        registered[r][e] = true;
    }

    private void interfaceRow(int r, int i, long metric, boolean connected) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("router", ROUTERS[r]).put("requestId", "q" + (++requests))
                .put("notificationType", "ADD_INSTANCE");
        ObjectNode row = c.putObject("interface").put("family", "ipv4")
                .put("interfaceLuid", Long.toString((6L << 48) | ((long) i << 24))).put("interfaceIndex", i)
                .put("metric", metric).put("useAutomaticMetric", false).put("connected", connected);
        row.putArray("unicastAddresses").add("192.168." + i + "." + (1 + r));
        groups.add(new Group(takeAdvance(), "interface-changes", ROUTERS[r], null, List.of(c)));
    }

    // ---- records --------------------------------------------------------------------------------------------

    private int entity() {
        return rnd.nextInt(20) == 0 ? REGISTERED : rnd.nextInt(REGISTERED);
    }

    private String prefix() {
        return prefixes.get(rnd.nextInt(prefixes.size()));
    }

    /** One of the entity's three neighbours, or none. */
    private void neighbour(ObjectNode c, int e) {
        if (rnd.nextInt(8) == 0) {
            c.putNull("neighbour");
        } else {
            c.putObject("neighbour").put("address", "192.0.2." + (10 * e + 1 + rnd.nextInt(3))).put("interfaceIndex", 1);
        }
    }

    private ObjectNode command(int r, int e, String op) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("op", op).put("requestId", "q" + (++requests))
                .put("router", ROUTERS[r]);
        c.putObject("entity").put("protocolId", ENTITIES[e][0]).put("instanceId", ENTITIES[e][1]);
        return c;
    }

    private ObjectNode other(int r, int e, String op) {
        ObjectNode c = command(r, e, op);
        groups.add(new Group(takeAdvance(), "route-adverts", ROUTERS[r], null, List.of(c)));
        return c;
    }

    private void run(int r, String batchOp, List<ObjectNode> run) {
        groups.add(new Group(takeAdvance(), "route-adverts", ROUTERS[r], batchOp, run));
    }

    private long takeAdvance() {
        long a = pendingAdvance;
        pendingAdvance = 0;
        return a;
    }

    /**
     * The run as one batch: the envelope of its first command, and for some of the route fields a top-level value
     * taken from a well-typed route; a route with the same value leaves it out (or, now and then, repeats it), a route
     * without the field says {@code null}, and a route with another value keeps its own.
     */
    private ObjectNode batch(Group g) {
        ObjectNode first = g.commands().get(0);
        ObjectNode b = Json.MAPPER.createObjectNode().put("op", g.batchOp()).put("requestId", "b" + (++requests))
                .put("router", g.router()).set("entity", first.get("entity"));
        List<ObjectNode> routes = new ArrayList<>();
        for (ObjectNode c : g.commands()) {
            ObjectNode r = c.deepCopy();
            r.remove(List.of("op", "requestId", "router", "entity"));
            routes.add(r);
        }
        for (String field : g.batchOp().equals("ADD_ROUTES") ? ADD_FIELDS : DELETE_FIELDS) {
            JsonNode shared = rnd.nextBoolean() ? sharedValue(routes, field) : null;
            if (shared != null) {
                b.set(field, shared);
                routes.forEach(r -> inherit(r, field, shared));
            }
        }
        ArrayNode list = b.putArray("routes");
        routes.forEach(r -> list.add(strip(r)));
        return b;
    }

    private JsonNode sharedValue(List<ObjectNode> routes, String field) {
        for (ObjectNode r : routes) {
            if (r.has(field) && !r.has("mistyped")) {
                return r.get(field);
            }
        }
        return null;
    }

    private void inherit(ObjectNode route, String field, JsonNode shared) {
        if (!route.has(field)) {
            route.putNull(field); // absent in the single command means null: say so, or the top level's would apply
        } else if (route.get(field).equals(shared) && rnd.nextInt(4) != 0) {
            route.remove(field);
        }
    }

    private static ObjectNode strip(ObjectNode route) {
        route.remove("mistyped");
        return route;
    }

    private static SyntheticFleetInput.Input input(long advance, String topic, String router, ObjectNode value) {
        ObjectNode v = value.deepCopy();
        v.remove("mistyped");
        return new SyntheticFleetInput.Input(advance, topic, router.getBytes(StandardCharsets.UTF_8),
                v.toString().getBytes(StandardCharsets.UTF_8));
    }
}
