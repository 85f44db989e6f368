package io.rtmstreams.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rtmstreams.it.Commands.Entity;
import io.rtmstreams.it.Commands.Hop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded input of three routers with timers, in three parts: {@link Part#SETUP} (interfaces, registrations,
 * notification registrations, one deregistration cascade), {@link Part#LIVE} (route adverts only) and
 * {@link Part#WHILE_DOWN} (route adverts and interface changes), about 600 records in all, and a fourth without
 * timers for after a restart, {@link Part#AFTER_RESTART}. Among ordinary adds,
 * updates and deletes over shared prefixes, interface metric and Connected changes, invalid commands and unreadable
 * records, it arms TTLs (owner policy DELETE and NOTIFY, D7) and hold-downs (R89) that all run {@link #TIMER_MS}.
 *
 * <p><b>Why the output does not depend on when timers fire.</b> Timers fire in event-time order before each record,
 * and by the wall clock when a task is idle (D8, {@code TableProcessor}); after a restart with a backlog the wall
 * clock may fire a deadline before records stamped earlier are processed. The input is built so that this changes
 * no output key's records: every timer belongs to a destination of its own that no other record touches after the
 * timer is armed (its next hops are on interface 1, which never changes), and a router's deadlines grow in record
 * order (one timer length, increasing record times), so the ROUTE_EXPIRED events an owner receives keep their order;
 * no entity (de)registers after the setup, so nothing else reaches the owners' event keys. Only the compacted
 * fleet-routes topic mixes routers under one key, and its final state does not depend on their interleaving.
 *
 * <p><b>Why the parts.</b> The processor orders its two input topics by record time only as far as it has fetched
 * them (max.task.idle.ms), so interface changes are only sent while the processor is not running: the setup before
 * it starts, {@link Part#WHILE_DOWN} while it is stopped. Then a backlog holds both topics and record time decides.
 */
public final class TimedFleetInput {

    /** How long every TTL and hold-down runs. */
    public static final long TIMER_MS = 4_000;
    /** Time between consecutive records of a part. */
    public static final long STEP_MS = 3;

    public enum Part { SETUP, LIVE, WHILE_DOWN, AFTER_RESTART }

    /** What an expiring timer writes (D7, R95). */
    public enum Kind { TTL_DELETE, TTL_NOTIFY, HOLD_DOWN }

    /** A timer the input arms: the command that arms it and the destination it belongs to. */
    public record Timer(String armedBy, String router, String prefix, Kind kind) {
        /** The output key that shows it firing: the destination, or for NOTIFY the owner's event key. */
        public String outputKey() {
            return kind == Kind.TTL_NOTIFY ? router + "|0|ipv4|" + Entity.BGP.id() : router + "|0|unicast|" + prefix;
        }

        public String outputTopic() {
            return kind == Kind.TTL_NOTIFY ? "entity-events" : "dest-changes";
        }
    }

    private static final List<String> ROUTERS = List.of("core-1", "core-2", "core-3");
    private static final List<Entity> SHARED = List.of(Entity.RIP, Entity.OSPF, Entity.STATIC);
    private static final Map<Entity, Hop> VIA = Map.of(
            Entity.RIP, new Hop("192.0.2.1", 1),
            Entity.OSPF, new Hop("192.0.2.2", 2),
            Entity.STATIC, new Hop("192.0.2.3", 3));
    private static final Hop RIP_TIMED = new Hop("192.0.2.1", 1);
    private static final Hop BGP_TIMED = new Hop("192.0.2.4", 1);
    private static final Hop STATIC_TIMED = new Hop("192.0.2.5", 1);

    private final Random random;
    private final Map<String, Commands> commands = new LinkedHashMap<>();
    private final Map<Part, List<Input>> parts = new EnumMap<>(Part.class);
    private final List<Timer> timers = new ArrayList<>();
    private final Map<String, Integer> privatePrefixes = new LinkedHashMap<>();
    private Part current;

    public TimedFleetInput(long seed) {
        random = new Random(seed);
        ROUTERS.forEach(r -> commands.put(r, new Commands(r)));
        for (Part p : Part.values()) {
            parts.put(p, new ArrayList<>());
        }
        current = Part.SETUP;
        setup();
        current = Part.LIVE;
        body(240, false);
        current = Part.WHILE_DOWN;
        body(240, true);
        current = Part.AFTER_RESTART;
        afterRestart();
    }

    /** A part's records, the n-th stamped {@code base + n * STEP_MS}. */
    public List<Input> part(Part part, long base) {
        List<Input> templates = parts.get(part);
        List<Input> stamped = new ArrayList<>(templates.size());
        for (int n = 0; n < templates.size(); n++) {
            stamped.add(templates.get(n).at(base + n * STEP_MS));
        }
        return stamped;
    }

    /** How long a part's records span: where the next part's times may start. */
    public long span(Part part) {
        return parts.get(part).size() * STEP_MS;
    }

    public List<Timer> timers() {
        return timers;
    }

    // ---- the parts ------------------------------------------------------------------------------------------

    private void setup() {
        for (Commands c : commands.values()) {
            for (int i = 1; i <= 3; i++) {
                interfaceChange(c.interfaceRow("ADD_INSTANCE", i, 10L * i, true));
            }
            SHARED.forEach(e -> command(c.register(e, null)));
            command(c.register(Entity.BGP, "NOTIFY"));
            command(c.registerNotification(Entity.OSPF, "all", List.of("unicast"), List.of("ALL")));
            command(c.registerNotification(Entity.STATIC, "fwd", List.of("unicast", "multicast"),
                    List.of("BEST", "FORWARDING")));
        }
        Commands c = commands.get("core-2");
        for (int k = 0; k < 4; k++) {
            add(c, Entity.OSPF, shared(c.router(), k));
        }
        command(c.deregister(Entity.OSPF));
        command(c.register(Entity.OSPF, null));
    }

    /**
     * What reads the indexes a restart rebuilds (RestartIT): per router, a deregistration cascade over OSPF's routes
     * (the owner index, D3), a change of interface 3 under STATIC's routes (the interface index, D14), and routes on
     * new destinations (new ids from the counter, D22). Each third is sent after the one before it is answered, so
     * the two input topics interleave as they do here; none of it touches a destination with a timer.
     */
    private void afterRestart() {
        commands.values().forEach(c -> command(c.deregister(Entity.OSPF)));
        commands.values().forEach(c -> interfaceChange(c.interfaceRow("PARAMETER_CHANGE", 3, 35, true)));
        for (Commands c : commands.values()) {
            add(c, Entity.RIP, privatePrefix(c.router()));
            add(c, Entity.STATIC, privatePrefix(c.router()));
        }
    }

    private void body(int operations, boolean interfaceChanges) {
        for (int n = 0; n < operations; n++) {
            Commands c = commands.get(ROUTERS.get(random.nextInt(ROUTERS.size())));
            String prefix = shared(c.router(), random.nextInt(12));
            int w = random.nextInt(100);
            if (w < 52) {
                add(c, SHARED.get(random.nextInt(SHARED.size())), prefix);
            } else if (w < 67) {
                Entity e = SHARED.get(random.nextInt(SHARED.size()));
                command(c.deleteRoute(e, prefix, VIA.get(e)));
            } else if (w < 75 && interfaceChanges) {
                interfaceChange(c, 2 + random.nextInt(2));
            } else if (w < 90) {
                timed(c);
            } else if (w < 96) {
                invalid(c, prefix);
            } else {
                unreadable(c);
            }
        }
    }

    private void add(Commands c, Entity e, String prefix) {
        List<String> views = e.equals(Entity.OSPF) ? List.of("unicast", "multicast") : List.of("unicast");
        command(c.addRoute(e, prefix, VIA.get(e), random.nextBoolean() ? 10 : 20, random.nextInt(4), views));
    }

    private void interfaceChange(Commands c, int index) {
        boolean connected = random.nextInt(4) != 0;
        long metric = new long[] {5, 20, 40, 200}[random.nextInt(4)];
        interfaceChange(c.interfaceRow("PARAMETER_CHANGE", index, metric, connected));
    }

    /** A TTL route (DELETE or NOTIFY policy) or a hold-down, on a destination no other record touches. */
    private void timed(Commands c) {
        String prefix = privatePrefix(c.router());
        int w = random.nextInt(10);
        if (w < 4) {
            ObjectNode add = c.addRoute(Entity.RIP, prefix, RIP_TIMED, 30, 1, List.of("unicast"))
                    .put("timeToLiveMs", TIMER_MS);
            timers.add(new Timer(command(add), c.router(), prefix, Kind.TTL_DELETE));
        } else if (w < 7) {
            ObjectNode add = c.addRoute(Entity.BGP, prefix, BGP_TIMED, 30, 1, List.of("unicast"))
                    .put("timeToLiveMs", TIMER_MS);
            timers.add(new Timer(command(add), c.router(), prefix, Kind.TTL_NOTIFY));
        } else {
            command(c.addRoute(Entity.STATIC, prefix, STATIC_TIMED, 30, 1, List.of("unicast")));
            command(c.hold(Entity.STATIC, prefix, TIMER_MS));
            timers.add(new Timer(command(c.deleteRoute(Entity.STATIC, prefix, STATIC_TIMED)), c.router(), prefix,
                    Kind.HOLD_DOWN));
        }
    }

    private void invalid(Commands c, String prefix) {
        switch (random.nextInt(3)) {
            case 0 -> command(c.addRoute(Entity.RIP, prefix, VIA.get(Entity.RIP), 10, 1, List.of("unicast"))
                    .put("timeToLiveMs", 0));
            case 1 -> command(c.addRoute(new Entity(14, 9), prefix, VIA.get(Entity.RIP), 10, 1, List.of("unicast")));
            default -> command(c.addRoute(Entity.OSPF, prefix, VIA.get(Entity.OSPF), 10, 1, List.of("broadcast")));
        }
    }

    private void unreadable(Commands c) {
        byte[] key = Input.utf8(c.router());
        String text = random.nextBoolean() ? "not json " + random.nextInt(1000)
                : "{\"op\": \"UPDATE_ROUTE\", \"router\": \"" + c.router() + "\"}";
        parts.get(current).add(Input.unreadable(Input.ADVERTS, key, Input.utf8(text), 0));
    }

    private String shared(String router, int k) {
        int r = ROUTERS.indexOf(router) + 1;
        return k < 4 ? "10." + r + "." + k + ".0/24" : k < 8 ? "10." + r + "." + (k - 4) + ".128/25"
                : "10." + r + "." + (k * 16) + ".0/20";
    }

    private String privatePrefix(String router) {
        int n = privatePrefixes.merge(router, 1, Integer::sum);
        return "172." + (16 + ROUTERS.indexOf(router)) + "." + n + ".0/24";
    }

    private String command(ObjectNode c) {
        parts.get(current).add(Input.command(c, 0));
        return c.get("requestId").asText();
    }

    private void interfaceChange(ObjectNode c) {
        parts.get(current).add(Input.interfaceChange(c, 0));
    }
}
