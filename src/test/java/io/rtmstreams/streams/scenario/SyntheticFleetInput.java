package io.rtmstreams.streams.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.contract.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, reproducible input for a small fleet: routers r1-r3 with four interfaces each and four entities
 * each (one with expiry policy NOTIFY) and notification registrations, then thousands of route adds (plain, NEW,
 * FIRST; some with a TTL), deletes, holds, interface changes (metric, Connected, DELETE_INSTANCE and back),
 * deregistrations and re-registrations, and unreadable or invalid records, with wall-clock advances in between so
 * that TTLs and hold-downs fire. Costs come from small ranges, so equal-cost ties (D4) are frequent.
 *
 * <p>Router {@code r4} takes NEW adds, updates by routeId and deletes by routeId only, never with a TTL, so the
 * generator knows which route id each NEW add receives (D22: a per-router counter) and can address live routes by
 * id, their owner's or (for ERROR_ACCESS_DENIED) someone else's.
 */
final class SyntheticFleetInput {

    /**
     * Advance the wall clock by {@code advanceMs}, then send the record (if {@code topic} is not null) stamped with
     * the clock's time.
     */
    record Input(long advanceMs, String topic, byte[] key, byte[] value) {
    }

    private static final String[] ROUTERS = {"r1", "r2", "r3"};
    private static final String ID_ROUTER = "r4";
    private static final long[][] ENTITIES = {{8, 1}, {13, 1}, {14, 1}, {10006, 1}};
    private static final int NOTIFY_POLICY_ENTITY = 2;
    private static final int INTERFACES = 4;

    private final Random rnd;
    private final List<String> prefixes = new ArrayList<>();
    private final List<Input> out = new ArrayList<>();
    private final Map<Integer, ObjectNode> json = new HashMap<>(); // index in out -> its value, filled in by the caller
    private final Map<String, boolean[]> registered = new HashMap<>();
    private final Map<String, boolean[]> interfaceUp = new HashMap<>();
    private final Map<String, boolean[]> interfacePresent = new HashMap<>();
    private final Map<Long, long[]> idRoutes = new LinkedHashMap<>(); // r4: route id -> {entity index, prefix index}
    private long idRouterNextId = 1;
    private long pendingAdvance;
    private int requests;

    SyntheticFleetInput(long seed) {
        rnd = new Random(seed);
        prefixes.add("0.0.0.0/0");
        prefixes.add("10.0.0.0/8");
        for (int i = 0; i < 8; i++) {
            prefixes.add("10." + i + ".0.0/16");
        }
        for (int i = 0; i < 110; i++) {
            prefixes.add("10." + (i % 8) + "." + (i / 8) + ".0/24");
        }
    }

    List<Input> generate(int operations) {
        for (String r : ROUTERS) {
            registered.put(r, new boolean[ENTITIES.length]);
            interfaceUp.put(r, new boolean[INTERFACES + 1]);
            interfacePresent.put(r, new boolean[INTERFACES + 1]);
            for (int i = 1; i <= INTERFACES; i++) {
                interfaceRow(r, "ADD_INSTANCE", i, 10L * i, true);
            }
            for (int e = 0; e < ENTITIES.length; e++) {
                register(r, e);
            }
            registerNotifications(r);
        }
        for (int e = 0; e < ENTITIES.length; e++) {
            command(ID_ROUTER, e, "REGISTER_ENTITY").put("family", "ipv4");
        }
        for (int n = 0; n < operations; n++) {
            if (n > 0 && n % 500 == 0) {
                advance(5_000);
            } else {
                int w = rnd.nextInt(100);
                advance(w < 70 ? 0 : w < 95 ? 1 + rnd.nextInt(50) : 100 + rnd.nextInt(1400));
            }
            operation();
        }
        for (int i = 0; i < 40; i++) {
            out.add(new Input(pendingAdvance + 1_000, null, null, null)); // let every TTL and hold-down run out
            pendingAdvance = 0;
        }
        return written();
    }

    private void operation() {
        String r = ROUTERS[rnd.nextInt(ROUTERS.length)];
        int w = rnd.nextInt(100);
        if (w < 44) {
            addRoute(r, null);
        } else if (w < 51) {
            addRoute(r, "FIRST");
        } else if (w < 56) {
            addRoute(r, "NEW");
        } else if (w < 68) {
            deleteRoute(r);
        } else if (w < 71) {
            hold(r);
        } else if (w < 77) {
            interfaceChange(r);
        } else if (w < 78) {
            deregisterOrRegister(r);
        } else if (w < 94) {
            idRouterOperation();
        } else {
            badRecord(r);
        }
    }

    // ---- route commands -------------------------------------------------------------------------------------

    private void addRoute(String r, String changeFlag) {
        int e = rnd.nextInt(ENTITIES.length);
        ObjectNode c = route(r, e, prefixes.get(rnd.nextInt(prefixes.size())));
        if (changeFlag != null) {
            c.putArray("changeFlags").add(changeFlag);
        }
        if (rnd.nextInt(100) < 15) {
            c.put("timeToLiveMs", 300 + rnd.nextInt(3700));
        }
    }

    private ObjectNode route(String r, int e, String dest) {
        ObjectNode c = command(r, e, "ADD_ROUTE").put("dest", dest);
        ArrayNode hops = c.putArray("nextHops");
        int first = rnd.nextInt(2 * INTERFACES);
        for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
            hop(hops.addObject(), (first + i) % (2 * INTERFACES));
        }
        if (rnd.nextInt(10) == 0) {
            c.putNull("neighbour");
        } else {
            neighbour(c, e);
        }
        c.put("preference", new long[] {10, 20, 120}[rnd.nextInt(3)]).put("metric", rnd.nextInt(4));
        int v = rnd.nextInt(10);
        ArrayNode views = c.putArray("views");
        if (v < 9) {
            views.add("unicast");
        }
        if (v >= 8) {
            views.add("multicast");
        }
        if (rnd.nextInt(20) == 0) {
            c.putArray("flags").add(rnd.nextBoolean() ? "LOCAL" : "DISCARD");
        }
        return c;
    }

    private static void hop(ObjectNode h, int n) {
        int index = 1 + n % INTERFACES;
        h.put("address", "198.51.100." + (10 * index + n / INTERFACES)).put("interfaceIndex", index);
    }

    private void deleteRoute(String r) {
        int e = rnd.nextInt(ENTITIES.length);
        neighbour(command(r, e, "DELETE_ROUTE").put("dest", prefixes.get(rnd.nextInt(prefixes.size()))), e);
    }

    /** One of the entity's three neighbours. */
    private void neighbour(ObjectNode c, int e) {
        c.putObject("neighbour").put("address", "192.0.2." + (10 * e + 1 + rnd.nextInt(3))).put("interfaceIndex", 1);
    }

    private void hold(String r) {
        ObjectNode c = command(r, rnd.nextInt(ENTITIES.length), "HOLD_DESTINATION")
                .put("dest", prefixes.get(rnd.nextInt(prefixes.size())))
                .put("holdTimeMs", 500 + rnd.nextInt(5000));
        c.putArray("views").add("unicast");
    }

    /** r4: NEW adds (id known in advance), updates and deletes by id - own routes, foreign ones, deleted ones. */
    private void idRouterOperation() {
        int w = rnd.nextInt(10);
        if (w < 4 || idRoutes.isEmpty()) {
            int e = rnd.nextInt(ENTITIES.length);
            int p = rnd.nextInt(prefixes.size());
            route(ID_ROUTER, e, prefixes.get(p)).putArray("changeFlags").add("NEW");
            idRoutes.put(idRouterNextId++, new long[] {e, p});
            return;
        }
        List<Long> ids = new ArrayList<>(idRoutes.keySet());
        long id = ids.get(rnd.nextInt(ids.size()));
        long[] route = idRoutes.get(id);
        boolean foreign = rnd.nextInt(8) == 0;
        int caller = foreign ? (int) (route[0] + 1) % ENTITIES.length : (int) route[0];
        if (w < 8) {
            route(ID_ROUTER, caller, prefixes.get((int) route[1])).put("routeId", id);
        } else {
            command(ID_ROUTER, caller, "DELETE_ROUTE").put("routeId", id);
            if (!foreign) {
                idRoutes.remove(id);
            }
        }
    }

    // ---- entities and interfaces ----------------------------------------------------------------------------

    private void register(String r, int e) {
        ObjectNode c = command(r, e, "REGISTER_ENTITY").put("family", "ipv4");
        if (e == NOTIFY_POLICY_ENTITY) {
            c.put("expiryPolicy", "NOTIFY");
        }
        registered.get(r)[e] = true;
    }

    private void registerNotifications(String r) {
        ObjectNode all = command(r, 0, "REGISTER_CHANGE_NOTIFICATION").put("registrationId", "all-" + r);
        all.putArray("views").add("unicast");
        all.putArray("changeTypes").add("ALL");
        ObjectNode fwd = command(r, 3, "REGISTER_CHANGE_NOTIFICATION").put("registrationId", "fwd-" + r);
        fwd.putArray("views").add("unicast").add("multicast");
        fwd.putArray("changeTypes").add("BEST").add("FORWARDING");
    }

    private void deregisterOrRegister(String r) {
        int e = 1 + rnd.nextInt(ENTITIES.length - 1); // entity 0 keeps its ALL registration for the whole run
        if (registered.get(r)[e]) {
            command(r, e, "DEREGISTER_ENTITY").put("family", "ipv4");
            registered.get(r)[e] = false;
        } else {
            register(r, e);
        }
    }

    private void interfaceChange(String r) {
        int i = 1 + rnd.nextInt(INTERFACES);
        int w = rnd.nextInt(10);
        if (!interfacePresent.get(r)[i]) {
            interfaceRow(r, "ADD_INSTANCE", i, 10L * i, true);
        } else if (w < 2) {
            ObjectNode c = interfaceEnvelope(r, "DELETE_INSTANCE");
            c.putObject("interface").put("family", "ipv4").put("interfaceLuid", Long.toString(luid(i)));
            interfacePresent.get(r)[i] = false;
        } else if (w < 6) {
            interfaceRow(r, "PARAMETER_CHANGE", i, 10L * i, !interfaceUp.get(r)[i]);
        } else {
            interfaceRow(r, "PARAMETER_CHANGE", i, 5 + rnd.nextInt(60), interfaceUp.get(r)[i]);
        }
    }

    private void interfaceRow(String r, String type, int i, long metric, boolean connected) {
        ObjectNode row = interfaceEnvelope(r, type).putObject("interface");
        row.put("family", "ipv4").put("interfaceLuid", Long.toString(luid(i))).put("interfaceIndex", i)
                .put("metric", metric).put("useAutomaticMetric", false).put("connected", connected);
        row.putArray("unicastAddresses").add("192.168." + i + "." + (1 + List.of(ROUTERS).indexOf(r)));
        interfacePresent.get(r)[i] = true;
        interfaceUp.get(r)[i] = connected;
    }

    /** An Ethernet LUID (IfType 6) with NetLuidIndex i (L1). */
    private static long luid(int i) {
        return (6L << 48) | ((long) i << 24);
    }

    // ---- unreadable and invalid records ---------------------------------------------------------------------

    private void badRecord(String r) {
        switch (rnd.nextInt(7)) {
            case 0 -> raw("route-adverts", r, "{\"op\": \"ADD_ROUTE\", \"router\": ".getBytes(StandardCharsets.UTF_8));
            case 1 -> raw("route-adverts", "elsewhere", Json.MAPPER.createObjectNode().put("op", "REGISTER_ENTITY")
                    .put("requestId", "wrong-key").put("router", r).toString().getBytes(StandardCharsets.UTF_8));
            case 2 -> raw("route-adverts", r, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
            case 3 -> raw(rnd.nextBoolean() ? "route-adverts" : "interface-changes", r, null);
            case 4 -> route(r, 0, "10.0.0.0/8").put("preference", "low");
            case 5 -> route(r, 1, "10.1.0.0/16").put("timeToLiveMs", 0);
            default -> route(r, 2, "10.2.0.0/16").putArray("changeFlags").add("NEW").add("FIRST");
        }
    }

    // ---- records --------------------------------------------------------------------------------------------

    private ObjectNode command(String r, int e, String op) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("op", op).put("requestId", "q" + (++requests))
                .put("router", r);
        c.putObject("entity").put("protocolId", ENTITIES[e][0]).put("instanceId", ENTITIES[e][1]);
        pending("route-adverts", r, c);
        return c;
    }

    private ObjectNode interfaceEnvelope(String r, String type) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("router", r).put("requestId", "q" + (++requests))
                .put("notificationType", type);
        pending("interface-changes", r, c);
        return c;
    }

    /** Queues a JSON record; the caller fills in {@code value}, which is written out at the end. */
    private void pending(String topic, String key, ObjectNode value) {
        json.put(out.size(), value);
        raw(topic, key, null);
    }

    private void raw(String topic, String key, byte[] value) {
        out.add(new Input(pendingAdvance, topic, key.getBytes(StandardCharsets.UTF_8), value));
        pendingAdvance = 0;
    }

    private void advance(long ms) {
        pendingAdvance += ms;
    }

    private List<Input> written() {
        List<Input> done = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Input in = out.get(i);
            ObjectNode n = json.get(i);
            done.add(n == null ? in : new Input(in.advanceMs(), in.topic(), in.key(),
                    n.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return done;
    }
}
