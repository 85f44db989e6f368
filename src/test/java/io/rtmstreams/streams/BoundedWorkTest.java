package io.rtmstreams.streams;

import io.rtmstreams.contract.OutputJson;
import io.rtmstreams.streams.ProcessorHarness.Output;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D24 on the table processor: work that grows with the table goes in steps of at most the budget, each its own
 * call (and so its own transaction); while a router has work pending its later records wait and other routers go
 * on; the outputs are exactly those of doing the work at once (the unbounded run of the same input); the result
 * comes with the last step; and a restart in the middle goes on where the last step stopped.
 */
class BoundedWorkTest {

    private static final int STEP = 200;
    private static final StreamsSettings BOUNDED = StreamsSettings.defaults().withStep(STEP, 60_000);
    private static final StreamsSettings AT_ONCE = StreamsSettings.defaults().withStep(Integer.MAX_VALUE, 600_000);

    // ---- an interface going down under 5 x the step size of destinations (D14) -----------------------------------

    @Test
    void shouldRecomputeAnInterfaceOfFiveStepsOfDestinationsEachOnceInStepsOfAtMostTheBudget() {
        List<Output> out = new ArrayList<>();
        ProcessorHarness p = open(ProcessorHarness.collecting(BOUNDED, out));
        Table.setUp(p, "r1", 5 * STEP);
        out.clear();

        p.interfaceChange("r1", 2_000, Table.interfaceDown("r1", "down"));
        List<Integer> perCall = new ArrayList<>();
        perCall.add(recomputed(out, "r1").size());
        List<Output> all = new ArrayList<>(out);
        while (p.stepping()) {
            out.clear();
            p.step();
            perCall.add(recomputed(out, "r1").size());
            all.addAll(out);
        }

        assertThat(perCall).as("destinations recomputed per call").allMatch(n -> n <= STEP).hasSizeGreaterThan(4);
        Map<String, Integer> times = new HashMap<>();
        recomputed(all, "r1").forEach(prefix -> times.merge(prefix, 1, Integer::sum));
        assertThat(times).hasSize(5 * STEP).allSatisfy((prefix, n) -> assertThat(n).as(prefix).isEqualTo(1));
        assertThat(results(all)).as("the interface change's one result").containsExactly("down");
        assertThat(results(out)).as("the result comes with the last step").containsExactly("down");
    }

    @Test
    void shouldApplyTheSameRoutersLaterRecordsAfterTheLastStepAndAnotherRoutersAtOnce() {
        List<Output> out = new ArrayList<>();
        ProcessorHarness p = open(ProcessorHarness.collecting(BOUNDED, out));
        Table.setUp(p, "r1", 5 * STEP);
        Table.setUp(p, "r2", 10);
        out.clear();

        p.interfaceChange("r1", 2_000, Table.interfaceDown("r1", "down"));
        p.step();
        p.command("r1", 2_001, Table.addRoute("r1", "later", "172.16.0.0/16"));
        p.command("r2", 2_002, Table.addRoute("r2", "other", "172.16.0.0/16"));
        assertThat(results(out)).as("results before the last step").containsExactly("other");

        out.clear();
        int steps = p.finish();
        assertThat(steps).isGreaterThan(1);
        assertThat(results(out)).as("results from the steps, in order").containsExactly("down", "later");
    }

    @Test
    void shouldAnswerASyncOnlyAfterTheWorkOfTheRecordsBeforeIt() {
        List<Output> out = new ArrayList<>();
        ProcessorHarness p = open(ProcessorHarness.collecting(BOUNDED, out));
        Table.setUp(p, "r1", 5 * STEP);
        p.command("r1", 1_500, Table.register("r1", "reg-ospf", "{\"protocolId\":13,\"instanceId\":1}"));
        out.clear();

        p.interfaceChange("r1", 2_000, Table.interfaceDown("r1", "down"));
        p.command("r1", 2_001, "{\"op\":\"SYNC\",\"requestId\":\"eor\",\"router\":\"r1\",\"entity\":"
                + Table.BGP + ",\"family\":\"ipv4\",\"marker\":\"end-of-rib\",\"ack\":\"ERRORS\"}");
        assertThat(results(out)).as("D30: no result before the interface's last step").isEmpty();
        p.finish();
        assertThat(results(out)).containsExactly("down", "eor");
        assertThat(out).filteredOn(o -> o.value() instanceof OutputJson.EntityEvent e && e.event().equals("SYNCED"))
                .singleElement().satisfies(o -> assertThat(((OutputJson.EntityEvent) o.value()).marker())
                        .isEqualTo("end-of-rib"));
    }

    @Test
    void shouldDeleteANeighboursRoutesInStepsAsAtOnce() {
        assertThat(perKey(neighbourDownStory(BOUNDED))).isEqualTo(perKey(neighbourDownStory(AT_ONCE)));
    }

    /** D29: the peer of 5 x the step size of routes goes down while another router's record arrives. */
    private List<Output> neighbourDownStory(StreamsSettings settings) {
        List<Output> out = new ArrayList<>();
        ProcessorHarness p = open(ProcessorHarness.collecting(settings, out));
        Table.setUp(p, "r1", 5 * STEP);
        Table.setUp(p, "r2", 5);
        p.command("r1", 2_000, "{\"op\":\"DELETE_NEIGHBOUR_ROUTES\",\"requestId\":\"peer-down\",\"router\":\"r1\","
                + "\"entity\":" + Table.BGP + ",\"neighbour\":\"192.0.2.1\"}");
        assertThat(p.stepping()).isEqualTo(settings == BOUNDED);
        p.command("r2", 2_001, Table.addRoute("r2", "other", "172.16.0.0/16"));
        p.finish();
        assertThat(out).filteredOn(o -> o.value() instanceof OutputJson.CommandResult r
                && r.requestId().equals("peer-down")).singleElement()
                .satisfies(o -> assertThat(((OutputJson.CommandResult) o.value()).deleted()).isEqualTo(5L * STEP));
        return out;
    }

    @Test
    void shouldWriteWhatDoingTheWorkAtOnceWrites() {
        assertThat(perKey(interfaceStory(BOUNDED, false))).isEqualTo(perKey(interfaceStory(AT_ONCE, false)));
    }

    @Test
    void shouldGoOnWhereTheLastStepStoppedAfterARestart() {
        assertThat(perKey(interfaceStory(BOUNDED, true))).isEqualTo(perKey(interfaceStory(AT_ONCE, false)));
    }

    /** Two routers, an interface of r1 going down while both keep sending; a restart after two steps if asked. */
    private List<Output> interfaceStory(StreamsSettings settings, boolean restart) {
        List<Output> out = new ArrayList<>();
        ProcessorHarness p = open(ProcessorHarness.collecting(settings, out));
        Table.setUp(p, "r1", 5 * STEP);
        Table.setUp(p, "r2", 50);
        p.interfaceChange("r1", 2_000, Table.interfaceDown("r1", "down"));
        if (p.stepping()) {
            p.step();
        }
        p.command("r1", 2_001, Table.addRoute("r1", "later", "172.16.0.0/16"));
        p.command("r2", 2_002, Table.addRoute("r2", "other", "172.16.0.0/16"));
        p.interfaceChange("r2", 2_003, Table.interfaceDown("r2", "r2-down"));
        if (p.stepping()) {
            p.step();
        }
        if (restart) {
            p.restart();
        }
        p.command("r1", 2_004, Table.deregister("r1", "gone"));
        p.finish();
        return out;
    }

    // ---- a million due timers after a restart (D8) ----------------------------------------------------------------

    private static final int TIMERS = 1_000_000;
    private static final int TTL_ROUTES = 1_000;
    private static final StreamsSettings TIMER_STEPS = StreamsSettings.defaults().withStep(10_000, 60_000);

    @Test
    void shouldFireAMillionDueTimersAfterARestartInStepsWithTheOutcomeOfFiringThemAtOnce() {
        TimerStory bounded = new TimerStory(TIMER_STEPS, TIMERS, false);
        open(bounded.p);
        assertThat(results(bounded.after)).as("the other router's record, at once").containsExactly("other");
        List<Integer> perStep = new ArrayList<>();
        List<Output> lastStep = new ArrayList<>();
        while (bounded.p.stepping()) {
            int before = bounded.fired[0];
            int outputs = bounded.after.size();
            bounded.p.step();
            perStep.add(bounded.fired[0] - before);
            lastStep = new ArrayList<>(bounded.after.subList(outputs, bounded.after.size()));
        }
        List<Integer> perCall = new ArrayList<>(bounded.firedByTheRecords);
        perCall.addAll(perStep);
        assertThat(perCall).as("timers fired per call: the two records', then each step's")
                .allMatch(n -> n <= 10_000).hasSizeGreaterThanOrEqualTo(TIMERS / 10_000);
        // and the retention ends of the routes whose TTL ran out
        assertThat(bounded.fired[0]).isEqualTo(TIMERS + TTL_ROUTES - 1);
        assertThat(results(bounded.after)).containsExactly("other", "later");
        assertThat(results(lastStep)).as("the same router's record, with the last step").containsExactly("later");

        TimerStory atOnce = new TimerStory(AT_ONCE, TIMERS, false);
        open(atOnce.p);
        assertThat(atOnce.p.stepping()).isFalse();
        assertThat(atOnce.fired[0]).isEqualTo(bounded.fired[0]);
        assertThat(perKey(bounded.all())).isEqualTo(perKey(atOnce.all()));
    }

    @Test
    void shouldMoveVersion1TimersIntoTheRouterLayoutAndFireThemAsDue() {
        TimerStory fromV1 = new TimerStory(TIMER_STEPS, 50_000, true);
        open(fromV1.p);
        fromV1.p.finish();
        TimerStory current = new TimerStory(TIMER_STEPS, 50_000, false);
        open(current.p);
        current.p.finish();
        assertThat(fromV1.fired[0]).isEqualTo(50_000 + TTL_ROUTES - 1);
        assertThat(perKey(fromV1.all())).isEqualTo(perKey(current.all()));
    }

    /**
     * Router r1 with {@value #TTL_ROUTES} routes whose TTL runs out and the retention deadlines of {@code timers}
     * less those deleted routes (written in version 1's timer store if asked); r2 with a small table. The processor
     * restarts long after every deadline; then a command of r2 and one of r1 arrive.
     */
    private static final class TimerStory {

        final ProcessorHarness p;
        final List<Output> before = new ArrayList<>();
        final List<Output> after = new ArrayList<>();
        final int[] fired = new int[1];
        final List<Integer> firedByTheRecords = new ArrayList<>();
        private List<Output> phase = before;

        TimerStory(StreamsSettings settings, int timers, boolean version1) {
            p = new ProcessorHarness(settings, o -> phase.add(o), n -> fired[0] += n);
            Table.setUp(p, "r2", 20);
            Table.setUp(p, "r1", 0);
            for (int i = 0; i < TTL_ROUTES; i++) {
                p.command("r1", 100 + i, Table.addRoute("r1", "ttl" + i, "10." + (i >> 8) + "." + (i & 0xFF)
                        + ".0/24").replace("\"views\"", "\"timeToLiveMs\":" + (500 + 997L * i) + ",\"views\""));
            }
            p.writeTimers("r1", timers - TTL_ROUTES, 1_000_000, version1);
            p.restart();
            fired[0] = 0;
            phase = after;
            p.command("r2", 2_000_000, Table.addRoute("r2", "other", "172.16.0.0/16"));
            firedByTheRecords.add(fired[0]);
            p.command("r1", 2_000_001, Table.addRoute("r1", "later", "172.16.0.0/16"));
            firedByTheRecords.add(fired[0] - firedByTheRecords.get(0));
        }

        List<Output> all() {
            List<Output> a = new ArrayList<>(before);
            a.addAll(after);
            return a;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private final List<ProcessorHarness> opened = new ArrayList<>();

    private ProcessorHarness open(ProcessorHarness p) {
        opened.add(p);
        return p;
    }

    @AfterEach
    void closeProcessors() {
        opened.forEach(ProcessorHarness::close);
    }

    /** The prefixes of the router's destination changes caused by an interface. */
    private static List<String> recomputed(List<Output> out, String router) {
        List<String> prefixes = new ArrayList<>();
        for (Output o : out) {
            if (o.value() instanceof OutputJson.DestChange c && c.router().equals(router)
                    && c.cause().equals("INTERFACE")) {
                prefixes.add(c.prefix());
            }
        }
        return prefixes;
    }

    /** The request ids of the command results, in order. */
    static List<String> results(List<Output> out) {
        return out.stream().filter(o -> o.value() instanceof OutputJson.CommandResult)
                .map(o -> ((OutputJson.CommandResult) o.value()).requestId()).toList();
    }

    /** Every output key's records in order: what a consumer of each topic sees, whatever the routers' interleaving. */
    static Map<String, List<Object>> perKey(List<Output> out) {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (Output o : out) {
            m.computeIfAbsent(o.sink() + " " + o.key(), k -> new ArrayList<>()).add(o.value() + " @" + o.timestamp());
        }
        return m;
    }

    /** Commands and interface rows of the stories. */
    static final class Table {

        static final String BGP = "{\"protocolId\":14,\"instanceId\":1}";

        /** A BGP entity and an interface (index 3) on the router, and {@code routes} routes through it. */
        static void setUp(ProcessorHarness p, String router, int routes) {
            p.command(router, 1, register(router, "reg", BGP));
            p.interfaceChange(router, 2, interfaceUp(router, "up"));
            for (int i = 0; i < routes; i++) {
                p.command(router, 3 + i, addRoute(router, "add" + i, "10." + (i >> 8) + "." + (i & 0xFF) + ".0/24"));
            }
        }

        static String addRoute(String router, String requestId, String prefix) {
            return "{\"op\":\"ADD_ROUTE\",\"requestId\":\"" + requestId + "\",\"router\":\"" + router
                    + "\",\"entity\":" + BGP + ",\"dest\":\"" + prefix + "\",\"nextHops\":[{\"address\":\"192.0.2.1\","
                    + "\"interfaceIndex\":3}],\"neighbour\":{\"address\":\"192.0.2.1\",\"interfaceIndex\":3},"
                    + "\"preference\":20,\"metric\":100,\"views\":[\"unicast\"]}";
        }

        static String register(String router, String requestId, String entity) {
            return "{\"op\":\"REGISTER_ENTITY\",\"requestId\":\"" + requestId + "\",\"router\":\"" + router
                    + "\",\"entity\":" + entity + ",\"family\":\"ipv4\"}";
        }

        static String deregister(String router, String requestId) {
            return "{\"op\":\"DEREGISTER_ENTITY\",\"requestId\":\"" + requestId + "\",\"router\":\"" + router
                    + "\",\"entity\":" + BGP + ",\"family\":\"ipv4\"}";
        }

        static String interfaceDown(String router, String requestId) {
            return row(router, requestId, false);
        }

        static String interfaceUp(String router, String requestId) {
            return row(router, requestId, true);
        }

        private static String row(String router, String requestId, boolean connected) {
            return "{\"router\":\"" + router + "\",\"requestId\":\"" + requestId + "\",\"notificationType\":"
                    + "\"PARAMETER_CHANGE\",\"interface\":{\"family\":\"ipv4\",\"interfaceLuid\":\"1688849860263936\","
                    + "\"interfaceIndex\":3,\"metric\":25,\"useAutomaticMetric\":false,\"connected\":" + connected
                    + ",\"unicastAddresses\":[\"192.0.2.10\"]}}";
        }
    }

}
