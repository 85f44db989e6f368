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
 * The end-to-end story: two routers report three interfaces (metrics 100, 200, 300), RIP, OSPF and Static register
 * on both, RIP on edge-1 watches best-route changes of its unicast view, and a seeded stream of adds, updates and
 * deletes over sixteen prefixes per router follows; halfway, edge-1's interface 2 gets cheaper (200 to 50), which
 * re-ranks OSPF's routes there (D14); a few commands come from BGP, which never registered (D5). Each phase is sent
 * once the previous one is answered, because the processor orders the two input topics by record time only as far as
 * it has fetched them; within a phase all records go to one topic.
 *
 * <p>Each entity reaches every destination over its own interface, so costs are (preference, metric + interface
 * metric) with metrics 0-9 over interface metrics 50-300: never equal, and {@link RouteTableModel} knows every best
 * route without the tie-break (D4).
 */
public final class EdgeRoutersStory {

    public static final List<String> ROUTERS = List.of("edge-1", "edge-2");
    public static final String WATCHER = "edge-1";
    public static final String REGISTRATION = "watch";
    public static final int CHEAPER_INTERFACE = 2;

    private static final Map<Entity, Hop> VIA = Map.of(
            Entity.RIP, new Hop("192.0.2.1", 1),
            Entity.OSPF, new Hop("192.0.2.2", 2),
            Entity.STATIC, new Hop("192.0.2.3", 3));
    private static final List<Entity> ENTITIES = List.of(Entity.RIP, Entity.OSPF, Entity.STATIC);

    /** What the result of a command must say: its status, and for ADD_ROUTE whether the route is new. */
    public record Expected(String op, String status, Boolean newRoute) {
    }

    private final Random random;
    private final RouteTableModel model = new RouteTableModel();
    private final Map<String, Commands> commands = new LinkedHashMap<>();
    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final List<List<Input>> phases = new ArrayList<>();
    private String interfaceChangeRequest;
    private long clock = System.currentTimeMillis();

    public EdgeRoutersStory(long seed) {
        random = new Random(seed);
        ROUTERS.forEach(r -> commands.put(r, new Commands(r)));
        phases.add(interfaces());
        phases.add(registrationsAndRoutes(180));
        phases.add(cheaperInterface());
        phases.add(routes(160));
    }

    /** The phases, each to be sent once every command of the previous ones has its result. */
    public List<List<Input>> phases() {
        return phases;
    }

    public Map<String, Expected> expectedResults() {
        return expected;
    }

    public RouteTableModel model() {
        return model;
    }

    public String interfaceChangeRequest() {
        return interfaceChangeRequest;
    }

    /** Prefixes of a router: {@code 10.<n>.<k>.0/24}. */
    public static List<String> prefixes(String router) {
        int n = ROUTERS.indexOf(router) + 1;
        List<String> p = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            p.add("10." + n + "." + k + ".0/24");
        }
        return p;
    }

    private List<Input> interfaces() {
        List<Input> phase = new ArrayList<>();
        for (Commands c : commands.values()) {
            for (int i = 1; i <= 3; i++) {
                phase.add(interfaceChange(c.interfaceRow("ADD_INSTANCE", i, 100L * i, true), "ADD_INSTANCE"));
                model.interfaceMetric(c.router(), i, 100L * i);
            }
        }
        return phase;
    }

    private List<Input> registrationsAndRoutes(int operations) {
        List<Input> phase = new ArrayList<>();
        for (Commands c : commands.values()) {
            for (Entity e : ENTITIES) {
                phase.add(command(c.register(e, null), "NO_ERROR", null));
            }
        }
        phase.add(command(commands.get(WATCHER).registerNotification(Entity.RIP, REGISTRATION, List.of("unicast"),
                List.of("BEST")), "NO_ERROR", null));
        phase.addAll(routes(operations));
        return phase;
    }

    private List<Input> cheaperInterface() {
        Commands c = commands.get(WATCHER);
        interfaceChangeRequest = c.nextRequestId();
        model.interfaceMetric(WATCHER, CHEAPER_INTERFACE, 50);
        return List.of(interfaceChange(c.interfaceRow("PARAMETER_CHANGE", CHEAPER_INTERFACE, 50, true),
                "PARAMETER_CHANGE"));
    }

    private List<Input> routes(int operations) {
        List<Input> phase = new ArrayList<>();
        for (int n = 0; n < operations; n++) {
            String router = ROUTERS.get(random.nextInt(ROUTERS.size()));
            Commands c = commands.get(router);
            List<String> prefixes = prefixes(router);
            String prefix = prefixes.get(random.nextInt(prefixes.size()));
            int w = random.nextInt(100);
            if (w < 2) {
                phase.add(command(c.addRoute(Entity.BGP, prefix, new Hop("192.0.2.4", 1), 1, 1, List.of("unicast")),
                        "ERROR_INVALID_HANDLE", null));
            } else if (w < 67) {
                phase.add(add(c, prefix));
            } else {
                Entity e = ENTITIES.get(random.nextInt(ENTITIES.size()));
                boolean found = model.delete(router, prefix, e);
                phase.add(command(c.deleteRoute(e, prefix, VIA.get(e)), found ? "NO_ERROR" : "ERROR_NOT_FOUND", null));
            }
        }
        return phase;
    }

    private Input add(Commands c, String prefix) {
        Entity e = ENTITIES.get(random.nextInt(ENTITIES.size()));
        long preference = random.nextBoolean() ? 10 : 20;
        long metric = random.nextInt(10);
        List<String> views = e.equals(Entity.OSPF) ? List.of("unicast", "multicast") : List.of("unicast");
        boolean isNew = model.add(c.router(), prefix,
                new RouteTableModel.Route(e, VIA.get(e), preference, metric, views));
        return command(c.addRoute(e, prefix, VIA.get(e), preference, metric, views), "NO_ERROR", isNew);
    }

    private Input command(ObjectNode c, String status, Boolean newRoute) {
        expected.put(c.get("requestId").asText(), new Expected(c.get("op").asText(), status, newRoute));
        return Input.command(c, clock++);
    }

    private Input interfaceChange(ObjectNode c, String type) {
        expected.put(c.get("requestId").asText(), new Expected(type, "NO_ERROR", null));
        return Input.interfaceChange(c, clock++);
    }
}
