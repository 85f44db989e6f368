package io.rtmstreams.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Valid traffic of four routers (interfaces, registrations, adds, updates and deletes) with thousands of bad records
 * mixed in at random: unreadable ones that must go to {@code rtm.rejected} (not JSON, not an object, no op, an
 * unknown op, a key that is not the router or no key, bytes that are not UTF-8, tombstones - on both input topics)
 * and invalid ones that must be answered with an error status and change nothing (bad prefixes and views, TTL 0,
 * hold time 0, NEW with FIRST, mistyped fields, unregistered callers (D5), another entity's route (R56, R78, R51),
 * an invalid interface row). Every record has its own time, so the valid records can be replayed alone.
 */
public final class BadInputMix {

    /** A bad record and what must become of it: a result with {@code status}, or a rejection with {@code reason}. */
    public record Bad(Input input, String status, String reason) {
    }

    private static final List<String> ROUTERS = List.of("pe-1", "pe-2", "pe-3", "pe-4");
    private static final List<Entity> ENTITIES = List.of(Entity.RIP, Entity.OSPF, Entity.STATIC);
    private static final Map<Entity, Hop> VIA = Map.of(
            Entity.RIP, new Hop("192.0.2.1", 1),
            Entity.OSPF, new Hop("192.0.2.2", 2),
            Entity.STATIC, new Hop("192.0.2.3", 3));
    /** RIP's first route of every router, route id 1 (D22); valid traffic never deletes it. */
    private static final String ANCHOR = "10.255.0.0/16";

    private final Random random;
    private final Map<String, Commands> commands = new LinkedHashMap<>();
    private final List<Input> all = new ArrayList<>();
    private final List<Input> valid = new ArrayList<>();
    private final Map<Input, Bad> bad = new LinkedHashMap<>();
    private final long base;
    private int badRequests;

    public BadInputMix(long seed, long base, int validOperations, int badRecords) {
        this.random = new Random(seed);
        this.base = base;
        ROUTERS.forEach(r -> commands.put(r, new Commands(r)));
        for (Commands c : commands.values()) {
            for (int i = 1; i <= 3; i++) {
                valid(Input.interfaceChange(c.interfaceRow("ADD_INSTANCE", i, 10L * i, true), 0));
            }
            ENTITIES.forEach(e -> valid(Input.command(c.register(e, null), 0)));
            valid(Input.command(c.addRoute(Entity.RIP, ANCHOR, VIA.get(Entity.RIP), 20, 1, List.of("unicast")), 0));
        }
        int validLeft = validOperations;
        int badLeft = badRecords;
        while (validLeft + badLeft > 0) {
            if (random.nextInt(validLeft + badLeft) < validLeft) {
                validOperation();
                validLeft--;
            } else {
                badRecord();
                badLeft--;
            }
        }
    }

    /** Every record, valid and bad, in the order (and with the times) they are sent. */
    public List<Input> all() {
        return all;
    }

    /** The valid records alone, with the same times: what the output must look like the result of. */
    public List<Input> valid() {
        return valid;
    }

    /** The bad records and their fates, in order. */
    public Map<Input, Bad> bad() {
        return bad;
    }

    public long lastTime() {
        return base + all.size();
    }

    // ---- valid traffic ---------------------------------------------------------------------------------------

    private void validOperation() {
        Commands c = commands.get(ROUTERS.get(random.nextInt(ROUTERS.size())));
        String prefix = "10." + (ROUTERS.indexOf(c.router()) + 1) + "." + random.nextInt(12) + ".0/24";
        Entity e = ENTITIES.get(random.nextInt(ENTITIES.size()));
        int w = random.nextInt(100);
        if (w < 60) {
            List<String> views = e.equals(Entity.OSPF) ? List.of("unicast", "multicast") : List.of("unicast");
            valid(Input.command(c.addRoute(e, prefix, VIA.get(e), random.nextBoolean() ? 10 : 20, random.nextInt(5),
                    views), 0));
        } else if (w < 95) {
            valid(Input.command(c.deleteRoute(e, prefix, VIA.get(e)), 0));
        } else {
            valid(Input.interfaceChange(c.interfaceRow("PARAMETER_CHANGE", 2 + random.nextInt(2),
                    5 + random.nextInt(50), random.nextInt(5) > 0), 0));
        }
    }

    private void valid(Input template) {
        Input in = template.at(base + all.size());
        all.add(in);
        valid.add(in);
    }

    // ---- bad records -----------------------------------------------------------------------------------------

    private void badRecord() {
        Commands c = commands.get(ROUTERS.get(random.nextInt(ROUTERS.size())));
        String r = c.router();
        int kind = random.nextInt(23);
        switch (kind) {
            case 0 -> rejected(Input.ADVERTS, r, "garbage " + random.nextInt(), "not a JSON object");
            case 1 -> rejected(Input.ADVERTS, r, "[" + random.nextInt(9) + ", 2]", "not a JSON object");
            case 2 -> rejected(Input.ADVERTS, r, "{\"requestId\": \"x\", \"router\": \"" + r + "\"}", "no op");
            case 3 -> rejected(Input.ADVERTS, r, valid(c).put("op", "UPDATE_ROUTE").toString(), "unknown op");
            case 4 -> rejected(Input.ADVERTS, other(r), valid(c).toString(), "key '" + other(r) + "' is not");
            case 5 -> rejected(Input.ADVERTS, null, valid(c).toString(), "key (none) is not");
            case 6 -> rejected(Input.ADVERTS, Input.utf8(r), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
                    "not a JSON object");
            case 7 -> rejected(Input.ADVERTS, Input.utf8(r), null, "no value");
            case 8 -> rejected(Input.INTERFACES, r, "{broken " + random.nextInt(), "not a JSON object");
            case 9 -> rejected(Input.INTERFACES, r, c.interfaceRow("REMOVE_INSTANCE", 1, 10, true).toString(),
                    "unknown notificationType");
            case 10 -> rejected(Input.INTERFACES, Input.utf8(r), null, "no value");
            case 11 -> invalid(c.addRoute(Entity.RIP, random.nextBoolean() ? "10.0.0.0/33" : "300.1.2.3/8",
                    VIA.get(Entity.RIP), 10, 1, List.of("unicast")), "ERROR_INVALID_PARAMETER");
            case 12 -> invalid(c.addRoute(Entity.OSPF, "10.9.0.0/16", VIA.get(Entity.OSPF), 10, 1,
                    List.of("unicast", "broadcast")), "ERROR_NOT_SUPPORTED");
            case 13 -> invalid(c.addRoute(Entity.OSPF, "10.9.0.0/16", VIA.get(Entity.OSPF), 10, 1, List.of()),
                    "ERROR_INVALID_PARAMETER");
            case 14 -> invalid(c.addRoute(Entity.RIP, "10.9.0.0/16", VIA.get(Entity.RIP), 10, 1, List.of("unicast"))
                    .put("timeToLiveMs", 0), "ERROR_INVALID_PARAMETER");
            case 15 -> invalid(c.hold(Entity.STATIC, ANCHOR, 0), "ERROR_INVALID_PARAMETER");
            case 16 -> {
                ObjectNode both = c.addRoute(Entity.RIP, "10.9.0.0/16", VIA.get(Entity.RIP), 10, 1, List.of("unicast"));
                both.putArray("changeFlags").add("NEW").add("FIRST");
                invalid(both, "ERROR_INVALID_PARAMETER");
            }
            case 17 -> invalid(c.addRoute(Entity.RIP, "10.9.0.0/16", VIA.get(Entity.RIP), 10, 1, List.of("unicast"))
                    .put("preference", "high"), "ERROR_INVALID_PARAMETER");
            case 18 -> invalid(c.addRoute(Entity.BGP, "10.9.0.0/16", new Hop("192.0.2.4", 1), 1, 1,
                    List.of("unicast")), "ERROR_INVALID_HANDLE");
            case 19 -> invalid(c.addRoute(Entity.OSPF, ANCHOR, VIA.get(Entity.OSPF), 1, 1, List.of("unicast"))
                    .put("routeId", 1), "ERROR_ACCESS_DENIED");
            case 20 -> invalid(c.deleteRoute(Entity.STATIC, 1), "ERROR_ACCESS_DENIED");
            case 21 -> invalid(c.deleteRoute(Entity.STATIC, ANCHOR, VIA.get(Entity.RIP)), "ERROR_NOT_FOUND");
            default -> {
                ObjectNode row = c.interfaceRow("ADD_INSTANCE", 1, 25, true);
                ((ObjectNode) row.get("interface")).put("sitePrefixLength", 64);
                invalidInterfaceRow(row);
            }
        }
    }

    /** A valid command of this router that nothing will execute (it is made unreadable by the caller). */
    private ObjectNode valid(Commands c) {
        return c.addRoute(Entity.RIP, "10.8.0.0/16", VIA.get(Entity.RIP), 10, 1, List.of("unicast"))
                .put("requestId", "never-" + (++badRequests));
    }

    private static String other(String router) {
        return ROUTERS.get((ROUTERS.indexOf(router) + 1) % ROUTERS.size());
    }

    private void rejected(String topic, String key, String value, String reason) {
        rejected(topic, Input.utf8(key), Input.utf8(value), reason);
    }

    private void rejected(String topic, byte[] key, byte[] value, String reason) {
        Input in = Input.unreadable(topic, key, value, base + all.size());
        all.add(in);
        bad.put(in, new Bad(in, null, reason));
    }

    private void invalid(ObjectNode command, String status) {
        command.put("requestId", "bad-" + (++badRequests));
        Input in = Input.command(command, base + all.size());
        all.add(in);
        bad.put(in, new Bad(in, status, null));
    }

    private void invalidInterfaceRow(ObjectNode change) {
        change.put("requestId", "bad-" + (++badRequests));
        Input in = Input.interfaceChange(change, base + all.size());
        all.add(in);
        bad.put(in, new Bad(in, "ERROR_INVALID_PARAMETER", null));
    }
}
